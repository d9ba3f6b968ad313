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
//           (activation.wgsl); xGroups = ceil(outW / tilePixels); tilePixels = 4 (a uniform only so that
//           the epilogue stays a loop, see epilogue-tile.wgsl).
// Grid: one thread per (4 horizontally adjacent output pixels of a row, group of 4 channels), channel
//       group fastest so that neighbouring threads read neighbouring memory; threads =
//       N*outH*xGroups*C4 laid out by grid.ts (2-D past the per-dimension workgroup limit). Each filter
//       vec4 is loaded once for the 4 pixels: on a CPU adapter every per-thread load is a gather, so
//       sharing the filter load across pixels is what makes the layer fast there. The four pixels are
//       written out inline: a loop over them ran slower than one pixel a thread.
// Overrides: WG threads per workgroup; HAS_RESIDUAL (see matmul.wgsl); RELU_INPUT applies max(0,x) to
//            every input value as it is read (the landmark net's dense blocks convolve relu(sum) while
//            keeping the sum).

struct Params {
  inH: u32, inW: u32, channels: u32, channels4: u32,
  outH: u32, outW: u32, threads: u32, kH: u32,
  kW: u32, strideH: u32, strideW: u32, padTop: i32,
  padLeft: i32, activation: u32, xGroups: u32, tilePixels: u32,
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
  var v = vec4<f32>(input[base], 0.0, 0.0, 0.0);
  if (lanes > 1u) { v.y = input[base + 1u]; }
  if (lanes > 2u) { v.z = input[base + 2u]; }
  if (lanes > 3u) { v.w = input[base + 3u]; }
  return v;
}

// The epilogue of a thread's pixels (one channel group, so its channel parameters are read once), in a
// loop bounded by a uniform (see matmul.wgsl's storeTile). Pixels past the row's end are not stored.
fn storeTile(firstPixel: u32, firstX: u32, c4: u32, tile: array<vec4<f32>, 4>) {
  let c0 = c4 * 4u;
  let lanes = min(4u, p.channels - c0);
  let bias = channelParams[c4];
  let scale = channelParams[p.channels4 + c4];
  let shift = channelParams[2u * p.channels4 + c4];
  let alpha = channelParams[3u * p.channels4 + c4];
  for (var i = 0u; i < p.tilePixels; i++) {
    if (firstX + i >= p.outW) { return; }
    var y = (tile[i] + bias) * scale + shift;
    let base = (firstPixel + i) * p.channels + c0;
    if (HAS_RESIDUAL) { y += residualLanes(base, lanes); }
    storeLanes(base, lanes, activate4(y, alpha, p.activation));
  }
}

// Input channels c0.. of column `ix` in the row starting at pixel `rowBase`, or zero when `ix` is padding.
fn tap(rowBase: u32, ix: i32, c0: u32, lanes: u32) -> vec4<f32> {
  let inside = ix >= 0 && ix < i32(p.inW);
  var x = load4((rowBase + u32(clamp(ix, 0, i32(p.inW) - 1))) * p.channels + c0, lanes) * f32(inside);
  if (RELU_INPUT) { x = max(x, vec4<f32>(0.0)); }
  return x;
}

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let t = gid.y * groups.x * WG + gid.x;
  if (t >= p.threads) { return; }
  let c4 = t % p.channels4;
  let group = t / p.channels4;
  let firstX = (group % p.xGroups) * 4u;
  let oy = (group / p.xGroups) % p.outH;
  let n = group / (p.xGroups * p.outH);
  let y0 = i32(oy * p.strideH) - p.padTop;
  let x0 = i32(firstX * p.strideW) - p.padLeft;
  let xStep = i32(p.strideW);
  let c0 = c4 * 4u;
  let lanes = min(4u, p.channels - c0);
  let imageBase = n * p.inH;

  var acc0 = vec4<f32>(0.0);
  var acc1 = vec4<f32>(0.0);
  var acc2 = vec4<f32>(0.0);
  var acc3 = vec4<f32>(0.0);
  for (var ky = 0u; ky < p.kH; ky++) {
    let iy = y0 + i32(ky);
    if (iy < 0 || iy >= i32(p.inH)) { continue; }
    let rowBase = (imageBase + u32(iy)) * p.inW;
    let tapRow = ky * p.kW;
    for (var kx = 0u; kx < p.kW; kx++) {
      let w = weights[(tapRow + kx) * p.channels4 + c4];
      let ix = x0 + i32(kx);
      acc0 += tap(rowBase, ix, c0, lanes) * w;
      acc1 += tap(rowBase, ix + xStep, c0, lanes) * w;
      acc2 += tap(rowBase, ix + 2 * xStep, c0, lanes) * w;
      acc3 += tap(rowBase, ix + 3 * xStep, c0, lanes) * w;
    }
  }
  storeTile((n * p.outH + oy) * p.outW + firstX, firstX, c4, array<vec4<f32>, 4>(acc0, acc1, acc2, acc3));
}
