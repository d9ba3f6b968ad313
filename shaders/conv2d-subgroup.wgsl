// conv2d-subgroup: the same convolution and epilogue as conv2d.wgsl, for CPU adapters whose subgroups have
// a fixed width of 8 or 4 (lavapipe, SwiftShader); the subgroup counterpart of conv2d.wgsl as
// matmul-subgroup.wgsl is of
// matmul.wgsl (see there why: on a CPU every per-lane load is a gather). The host puts activation.wgsl
// and epilogue-lanes.wgsl after this file (the `enable` must come first).
//
// Layout, bindings, padding and epilogue: as conv2d.wgsl.
// Uniforms: as conv2d.wgsl, with tilePixels = LANES.
// Grid: one workgroup = one subgroup of LANES lanes; x = LANES output-channel groups of 4, one per lane;
//       y = LANES consecutive output pixels. Lane i reads pixel i's input value for each tap and channel
//       once (one gather) and shuffles it to the other lanes, so one filter vec4 feeds LANES pixels: with
//       8 lanes 5 gathers for 32 multiply-adds, where conv2d.wgsl's 4-pixel tile spends 8 on 16.
// Overrides: LANES, 8 or 4 (see matmul-subgroup.wgsl); HAS_RESIDUAL (see matmul.wgsl). Requires the
//            `subgroups` feature (the host checks it and the width).
enable subgroups;

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

override LANES: u32 = 8u;
override HAS_RESIDUAL: bool = false;

/** The largest LANES: the size of a thread's tile of accumulators. */
const MAX_LANES: u32 = 8u;

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

// As conv2d.wgsl's storeTile, for LANES (= tilePixels) pixels.
fn storeTile(firstPixel: u32, co4: u32, tile: array<vec4<f32>, MAX_LANES>) {
  if (co4 >= p.outC4) { return; }
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

@compute @workgroup_size(LANES)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(subgroup_invocation_id) lane: u32) {
  // Lanes past the edge compute on clamped indices (every lane must reach each shuffle) and skip the store.
  let column = group.x * LANES + lane;
  let co4 = min(column, p.outC4 - 1u);
  let firstPixel = group.y * LANES;
  let own = originOf(firstPixel + lane);
  var acc0 = vec4<f32>(0.0);
  var acc1 = vec4<f32>(0.0);
  var acc2 = vec4<f32>(0.0);
  var acc3 = vec4<f32>(0.0);
  var acc4 = vec4<f32>(0.0);
  var acc5 = vec4<f32>(0.0);
  var acc6 = vec4<f32>(0.0);
  var acc7 = vec4<f32>(0.0);
  for (var ky = 0u; ky < p.kH; ky++) {
    for (var kx = 0u; kx < p.kW; kx++) {
      // A tap in the padding reads offset 0 and is multiplied by 0 (no branch in the channel loop).
      let tap = tapOffset(own, ky, kx);
      let inside = f32(tap >= 0);
      let base = u32(max(tap, 0));
      var w = ((ky * p.kW + kx) * p.inC) * p.outC4 + co4;
      for (var c = 0u; c < p.inC; c++) {
        let x = input[base + c] * inside;
        let f = weights[w];
        acc0 += subgroupShuffle(x, 0u) * f;
        acc1 += subgroupShuffle(x, 1u) * f;
        acc2 += subgroupShuffle(x, 2u) * f;
        acc3 += subgroupShuffle(x, 3u) * f;
        if (LANES == 8u) {
          acc4 += subgroupShuffle(x, 4u) * f;
          acc5 += subgroupShuffle(x, 5u) * f;
          acc6 += subgroupShuffle(x, 6u) * f;
          acc7 += subgroupShuffle(x, 7u) * f;
        }
        w += p.outC4;
      }
    }
  }
  storeTile(firstPixel, column, array<vec4<f32>, MAX_LANES>(acc0, acc1, acc2, acc3, acc4, acc5, acc6, acc7));
}
