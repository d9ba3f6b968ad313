// Shared snippet, prepended to kernels that have a fused epilogue (conv2d, depthwise-conv2d, matmul, add).
// activation (a uniform of the calling kernel): 0 none, 1 ReLU max(0,x), 2 ReLU6 clamp(x,0,6),
//             3 PReLU / leaky ReLU: x >= 0 ? x : alpha[c] * x. Leaky ReLU is PReLU with the same alpha
//             in every channel (the host fills the alpha row that way).
// A uniform rather than an override: a kernel then compiles once per workgroup shape, not once per
// activation as well, which makes start-up shorter; the switch runs once per output vec4, after the whole
// reduction, so it costs nothing measurable at run time.

fn activate4(v: vec4<f32>, alpha: vec4<f32>, activation: u32) -> vec4<f32> {
  switch activation {
    case 1u: { return max(v, vec4<f32>(0.0)); }
    case 2u: { return clamp(v, vec4<f32>(0.0), vec4<f32>(6.0)); }
    case 3u: { return select(v * alpha, v, v >= vec4<f32>(0.0)); }
    default: { return v; }
  }
}
