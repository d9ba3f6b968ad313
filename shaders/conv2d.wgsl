// conv2d: 2-D convolution with a fused epilogue. Prefixed with activation.wgsl and epilogue-lanes.wgsl
// by the host.
//
// Layout: input NHWC f32 [N,H,W,Cin]; filter HWIO [kH,kW,Cin,Cout4*4] as vec4 over output channels,
//         Cout zero-padded to a multiple of 4; output NHWC [N,outH,outW,Cout].
// Epilogue per output channel c: y = (acc + bias[c]) * scale[c] + shift[c]; y += residual (if any);
//         y = activation(y, alpha[c]).  (scale/shift carry a folded batch-norm.)
// Padding: the host computes padTop/padLeft (TF-SAME puts the extra row/column at bottom/right, VALID
//         is 0) and the output size; taps that fall outside the input read zero.
// Bindings: 0 input, 1 weights (the filter), 2 channelParams ([4][Cout4] vec4: bias, scale, shift, alpha),
//           3 residual (NHWC like output; read only when HAS_RESIDUAL), 4 output, 5 uniforms.
// Uniforms: input/output sizes, filter size, strides, top/left padding; activation (activation.wgsl);
//           tilePixels = 4, the pixels of a thread's tile (a uniform only so that the epilogue stays a loop).
// Grid: x = output-channel group of 4, y = group of 4 consecutive output pixels (over N*outH*outW).
//       Each thread accumulates a 4 pixel x 4 channel tile, so every filter vec4 feeds 4 pixels.
// Overrides: WG_X * WG_Y threads per workgroup; HAS_RESIDUAL (see matmul.wgsl for why not a uniform).

struct Params {
  inH: u32, inW: u32, inC: u32, outH: u32,
  outW: u32, outC: u32, outC4: u32, pixels: u32,
  kH: u32, kW: u32, strideH: u32, strideW: u32,
  padTop: i32, padLeft: i32, activation: u32, tilePixels: u32,
}

@group(0) @binding(0) var<storage, read> input: array<f32>;
@group(0) @binding(1) var<storage, read> weights: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read> channelParams: array<vec4<f32>>;
@group(0) @binding(3) var<storage, read> residual: array<f32>;
@group(0) @binding(4) var<storage, read_write> output: array<f32>;
@group(0) @binding(5) var<uniform> p: Params;

override WG_X: u32 = 8u;
override WG_Y: u32 = 8u;
override HAS_RESIDUAL: bool = false;

// Where output pixel `pixel` reads its window: the input row offset of its image and its top-left tap.
struct Origin { imageBase: u32, y0: i32, x0: i32, valid: bool }

fn originOf(pixel: u32) -> Origin {
  var o: Origin;
  o.valid = pixel < p.pixels;
  let q = min(pixel, p.pixels - 1u);
  let ox = q % p.outW;
  let oy = (q / p.outW) % p.outH;
  let n = q / (p.outW * p.outH);
  o.imageBase = n * p.inH * p.inW;
  o.y0 = i32(oy * p.strideH) - p.padTop;
  o.x0 = i32(ox * p.strideW) - p.padLeft;
  return o;
}

// Input offset of channel 0 at tap (ky,kx) for a pixel, or -1 where the tap is padding.
fn tapOffset(o: Origin, ky: u32, kx: u32) -> i32 {
  let iy = o.y0 + i32(ky);
  let ix = o.x0 + i32(kx);
  if (!o.valid || iy < 0 || ix < 0 || iy >= i32(p.inH) || ix >= i32(p.inW)) { return -1; }
  return i32((o.imageBase + u32(iy) * p.inW + u32(ix)) * p.inC);
}

// The epilogue of a thread's 4-pixel tile (one channel group, so its channel parameters are read once).
// A loop bounded by a uniform, which no compiler unrolls (see matmul.wgsl's storeTile): with four
// inlined copies lavapipe's JIT took 0.57-0.69 s per conv2d pipeline, with the loop 0.15-0.24 s.
fn storeTile(firstPixel: u32, co4: u32, tile: array<vec4<f32>, 4>) {
  let bias = channelParams[co4];
  let scale = channelParams[p.outC4 + co4];
  let shift = channelParams[2u * p.outC4 + co4];
  let alpha = channelParams[3u * p.outC4 + co4];
  let lanes = min(4u, p.outC - co4 * 4u);
  for (var i = 0u; i < p.tilePixels; i++) {
    let pixel = firstPixel + i;
    if (pixel >= p.pixels) { return; }
    var y = (tile[i] + bias) * scale + shift;
    let base = pixel * p.outC + co4 * 4u;
    if (HAS_RESIDUAL) { y += residualLanes(base, lanes); }
    storeLanes(base, lanes, activate4(y, alpha, p.activation));
  }
}

@compute @workgroup_size(WG_X, WG_Y)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let co4 = gid.x;
  if (co4 >= p.outC4) { return; }
  let firstPixel = gid.y * 4u;
  if (firstPixel >= p.pixels) { return; }
  let o0 = originOf(firstPixel);
  let o1 = originOf(firstPixel + 1u);
  let o2 = originOf(firstPixel + 2u);
  let o3 = originOf(firstPixel + 3u);
  var acc0 = vec4<f32>(0.0);
  var acc1 = vec4<f32>(0.0);
  var acc2 = vec4<f32>(0.0);
  var acc3 = vec4<f32>(0.0);
  for (var ky = 0u; ky < p.kH; ky++) {
    for (var kx = 0u; kx < p.kW; kx++) {
      // Taps in the padding read offset 0 and are multiplied by 0: no branch in the channel loop (a
      // branch per load cost ~14% on lavapipe at the ResNet's shapes).
      let t0 = tapOffset(o0, ky, kx);
      let t1 = tapOffset(o1, ky, kx);
      let t2 = tapOffset(o2, ky, kx);
      let t3 = tapOffset(o3, ky, kx);
      let inside = vec4<f32>(vec4<bool>(t0 >= 0, t1 >= 0, t2 >= 0, t3 >= 0));
      let b0 = u32(max(t0, 0));
      let b1 = u32(max(t1, 0));
      let b2 = u32(max(t2, 0));
      let b3 = u32(max(t3, 0));
      var w = ((ky * p.kW + kx) * p.inC) * p.outC4 + co4;
      for (var c = 0u; c < p.inC; c++) {
        let f = weights[w];
        acc0 += (input[b0 + c] * inside.x) * f;
        acc1 += (input[b1 + c] * inside.y) * f;
        acc2 += (input[b2 + c] * inside.z) * f;
        acc3 += (input[b3 + c] * inside.w) * f;
        w += p.outC4;
      }
    }
  }
  storeTile(firstPixel, co4, array<vec4<f32>, 4>(acc0, acc1, acc2, acc3));
}
