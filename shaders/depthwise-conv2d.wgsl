// depthwise-conv2d: per-channel 2-D convolution (channel multiplier 1) with the fused epilogue of
// conv2d. Prefixed with activation.wgsl and epilogue-lanes.wgsl by the host.
//
// Layout: input NHWC f32 [N,H,W,C]; filter [kH,kW,C4*4] as vec4 over channels (TF's [kH,kW,C,1]
//         with C zero-padded to a multiple of 4); output NHWC [N,outH,outW,C]. Input and output keep
//         exactly C channels; only the filter and channelParams are padded.
// Epilogue per channel c: y = (acc + bias[c]) * scale[c] + shift[c]; y += residual (if any);
//         y = activation(y, alpha[c]).
// Padding: the host computes padTop/padLeft (TF-SAME, VALID or explicit) and the output size; taps
//         outside the input contribute nothing.
// Bindings: 0 input, 1 weights (the filter), 2 channelParams ([4][C4] vec4: bias, scale, shift, alpha),
//           3 residual (NHWC like output; read only when HAS_RESIDUAL), 4 output, 5 uniforms.
// Uniforms: input/output sizes, thread count, filter size, strides, top/left padding; activation
//           (activation.wgsl).
// Grid: one thread per (output pixel, group of 4 channels), channel group fastest so that neighbouring
//       threads read neighbouring memory; threads = N*outH*outW*C4 laid out by grid.ts (2-D past the
//       per-dimension workgroup limit).
// Overrides: WG threads per workgroup; HAS_RESIDUAL (see matmul.wgsl); RELU_INPUT applies max(0,x) to
//            every input value as it is read (the landmark net's dense blocks convolve relu(sum) while
//            keeping the sum).

struct Params {
  inH: u32, inW: u32, channels: u32, channels4: u32,
  outH: u32, outW: u32, threads: u32, kH: u32,
  kW: u32, strideH: u32, strideW: u32, padTop: i32,
  padLeft: i32, activation: u32, _pad0: u32, _pad1: u32,
}

@group(0) @binding(0) var<storage, read> input: array<f32>;
@group(0) @binding(1) var<storage, read> weights: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read> channelParams: array<vec4<f32>>;
@group(0) @binding(3) var<storage, read> residual: array<f32>;
@group(0) @binding(4) var<storage, read_write> output: array<f32>;
@group(0) @binding(5) var<uniform> p: Params;

override WG: u32 = 64u;
override HAS_RESIDUAL: bool = false;
override RELU_INPUT: bool = false;

// Four consecutive channels starting at `base`, of which `lanes` exist; the rest read as zero (never
// past the end of the buffer, and never the next pixel's channels, which could be Inf).
fn load4(base: u32, lanes: u32) -> vec4<f32> {
  if (lanes == 4u) {
    return vec4<f32>(input[base], input[base + 1u], input[base + 2u], input[base + 3u]);
  }
  var v = vec4<f32>(0.0);
  for (var i = 0u; i < lanes; i++) { v[i] = input[base + i]; }
  return v;
}

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let t = gid.y * groups.x * WG + gid.x;
  if (t >= p.threads) { return; }
  let c4 = t % p.channels4;
  let pixel = t / p.channels4;
  let ox = pixel % p.outW;
  let oy = (pixel / p.outW) % p.outH;
  let n = pixel / (p.outW * p.outH);
  let y0 = i32(oy * p.strideH) - p.padTop;
  let x0 = i32(ox * p.strideW) - p.padLeft;
  let c0 = c4 * 4u;
  let lanes = min(4u, p.channels - c0);
  let imageBase = n * p.inH;

  var acc = vec4<f32>(0.0);
  for (var ky = 0u; ky < p.kH; ky++) {
    let iy = y0 + i32(ky);
    if (iy < 0 || iy >= i32(p.inH)) { continue; }
    let rowBase = (imageBase + u32(iy)) * p.inW;
    let tapRow = ky * p.kW;
    for (var kx = 0u; kx < p.kW; kx++) {
      let ix = x0 + i32(kx);
      if (ix < 0 || ix >= i32(p.inW)) { continue; }
      var x = load4((rowBase + u32(ix)) * p.channels + c0, lanes);
      if (RELU_INPUT) { x = max(x, vec4<f32>(0.0)); }
      acc += x * weights[(tapRow + kx) * p.channels4 + c4];
    }
  }

  var y = (acc + channelParams[c4]) * channelParams[p.channels4 + c4] + channelParams[2u * p.channels4 + c4];
  let base = pixel * p.channels + c0;
  if (HAS_RESIDUAL) { y += residualLanes(base, lanes); }
  storeLanes(base, lanes, activate4(y, channelParams[3u * p.channels4 + c4], p.activation));
}
