// conv2d-pointwise: a 1×1, stride-1, unpadded convolution (a matrix product [pixels, Cin] × [Cin, Cout])
// with conv2d's fused epilogue. Prefixed with activation.wgsl by the host. It carries ~95% of the
// MobileNet detector's arithmetic, so it gets its own kernel: channels are read four at a time as
// vec4 and there is no window or padding logic in the inner loop (conv2d does one scalar load per tap).
//
// Layout: input NHWC f32 [N,H,W,Cin] read as vec4 (Cin % 4 == 0); filter [Cin, Cout4] of vec4 over
//         output channels (the HWIO filter of conv2d with kH = kW = 1), Cout % 4 == 0;
//         output NHWC [N,H,W,Cout] written as vec4; residual (optional) like the output.
// Epilogue per output channel c: y = (acc + bias[c]) * scale[c] + shift[c]; y += residual (if any);
//         y = activation(y, alpha[c]).
// Bindings: 0 input, 1 weights (the filter), 2 channelParams ([4][Cout4] vec4: bias, scale, shift, alpha),
//           3 residual (read only when HAS_RESIDUAL), 4 output, 5 uniforms.
// Grid: x = output-channel group of 4, y = group of 4 consecutive pixels (over N*H*W). Each thread
//       accumulates a 4 pixel × 4 channel tile: per 4 input channels, 4 input + 4 filter vec4 loads
//       feed 16 vec4 multiply-adds. (Measured on lavapipe at the detector's shapes: larger tiles
//       — 4×8, 4×16, 8×8 — spill registers and run slower; 4×4 beat conv2d.wgsl by ~25%.)
// Overrides: WG_X * WG_Y threads per workgroup; HAS_RESIDUAL.

struct Params {
  pixels: u32, inC4: u32, outC4: u32, _pad0: u32,
}

@group(0) @binding(0) var<storage, read> input: array<vec4<f32>>;
@group(0) @binding(1) var<storage, read> weights: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read> channelParams: array<vec4<f32>>;
@group(0) @binding(3) var<storage, read> residual: array<vec4<f32>>;
@group(0) @binding(4) var<storage, read_write> output: array<vec4<f32>>;
@group(0) @binding(5) var<uniform> p: Params;

override WG_X: u32 = 8u;
override WG_Y: u32 = 8u;
override HAS_RESIDUAL: bool = false;

fn store(pixel: u32, co4: u32, acc: vec4<f32>) {
  if (pixel >= p.pixels || co4 >= p.outC4) { return; }
  var y = (acc + channelParams[co4]) * channelParams[p.outC4 + co4] + channelParams[2u * p.outC4 + co4];
  let at = pixel * p.outC4 + co4;
  if (HAS_RESIDUAL) { y += residual[at]; }
  output[at] = activate4(y, channelParams[3u * p.outC4 + co4]);
}

@compute @workgroup_size(WG_X, WG_Y)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let co4 = gid.x;
  let firstPixel = gid.y * 4u;
  if (co4 >= p.outC4 || firstPixel >= p.pixels) { return; }
  // The last pixels of the last group may lie past the end: clamp their reads (store discards their
  // results) so that the inner loop has no branches.
  let last = p.pixels - 1u;
  let row0 = firstPixel * p.inC4;
  let row1 = min(firstPixel + 1u, last) * p.inC4;
  let row2 = min(firstPixel + 2u, last) * p.inC4;
  let row3 = min(firstPixel + 3u, last) * p.inC4;
  var acc0 = vec4<f32>(0.0);
  var acc1 = vec4<f32>(0.0);
  var acc2 = vec4<f32>(0.0);
  var acc3 = vec4<f32>(0.0);
  var w = co4;
  for (var c4 = 0u; c4 < p.inC4; c4++) {
    let x0 = input[row0 + c4];
    let x1 = input[row1 + c4];
    let x2 = input[row2 + c4];
    let x3 = input[row3 + c4];
    for (var lane = 0u; lane < 4u; lane++) {
      let f = weights[w];
      acc0 += x0[lane] * f;
      acc1 += x1[lane] * f;
      acc2 += x2[lane] * f;
      acc3 += x3[lane] * f;
      w += p.outC4;
    }
  }
  store(firstPixel, co4, acc0);
  store(firstPixel + 1u, co4, acc1);
  store(firstPixel + 2u, co4, acc2);
  store(firstPixel + 3u, co4, acc3);
}
