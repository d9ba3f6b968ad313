// Shared snippet, prepended (after activation.wgsl) to the kernels whose output and residual are
// float arrays: conv2d, depthwise-conv2d, matmul. It uses their `residual` and `output` bindings
// (array<f32>). One output vec4 covers `lanes` (1-4) channels; the rest are padding that is neither read
// nor written.
// Component by component with constant indices: a loop over the lanes indexes the vector dynamically,
// and a CPU driver's JIT turns that into much more code to compile.

fn residualLanes(base: u32, lanes: u32) -> vec4<f32> {
  var r = vec4<f32>(residual[base], 0.0, 0.0, 0.0);
  if (lanes > 1u) { r.y = residual[base + 1u]; }
  if (lanes > 2u) { r.z = residual[base + 2u]; }
  if (lanes > 3u) { r.w = residual[base + 3u]; }
  return r;
}

fn storeLanes(base: u32, lanes: u32, y: vec4<f32>) {
  output[base] = y.x;
  if (lanes > 1u) { output[base + 1u] = y.y; }
  if (lanes > 2u) { output[base + 2u] = y.z; }
  if (lanes > 3u) { output[base + 3u] = y.w; }
}
