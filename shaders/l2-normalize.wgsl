// l2-normalize: each row divided by its L2 norm, y = x / sqrt(max(sum x^2, 1e-12)) (the epsilon and its
// place on the sum of squares are TensorFlow's l2_normalize, as in embedding graphs).
//
// Layout: any shape flattened to [rows, cols] row-major, cols = the last axis; output the same.
// Bindings: 0 input, 1 output (must not alias input), 2 uniforms.
// Uniforms: rows, cols.
// Grid: x = WG_X threads share one row (each takes every WG_X-th column; they combine their sums of
//       squares through workgroup memory); y = WG_Y rows per workgroup.
// Overrides: WG_X (a power of two), WG_Y.

struct Params {
  rows: u32, cols: u32, _pad0: u32, _pad1: u32,
}

@group(0) @binding(0) var<storage, read> input: array<f32>;
@group(0) @binding(1) var<storage, read_write> output: array<f32>;
@group(0) @binding(2) var<uniform> p: Params;

override WG_X: u32 = 64u;
override WG_Y: u32 = 1u;

const EPSILON = 1e-12;

var<workgroup> scratch: array<f32, WG_X * WG_Y>;

@compute @workgroup_size(WG_X, WG_Y)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>) {
  // Threads of rows past the end work on the last row and store nothing: all must reach the barriers.
  let row = min(gid.y, p.rows - 1u);
  let rowBase = row * p.cols;
  var sumSq = 0.0;
  for (var c = lid.x; c < p.cols; c += WG_X) {
    let x = input[rowBase + c];
    sumSq += x * x;
  }
  let base = lid.y * WG_X;
  scratch[base + lid.x] = sumSq;
  workgroupBarrier();
  for (var step = WG_X / 2u; step > 0u; step /= 2u) {
    if (lid.x < step) { scratch[base + lid.x] += scratch[base + lid.x + step]; }
    workgroupBarrier();
  }
  if (gid.y >= p.rows) { return; }
  let scale = 1.0 / sqrt(max(scratch[base], EPSILON));
  for (var c = lid.x; c < p.cols; c += WG_X) { output[rowBase + c] = input[rowBase + c] * scale; }
}
