// conv2d-backward-filter: the gradient of a 2-D convolution with respect to its filter,
// dW[ky,kx,ci,co] = sum over (n,oy,ox) of X[n, oy*strideH - padTop + ky, ox*strideW - padLeft + kx, ci]
//                   * dY[n,oy,ox,co]   (taps in the padding contribute nothing).
//
// Layout: input NHWC f32 [N,inH,inW,Cin]; dOutput NHWC [N,outH,outW,Cout]; dFilter HWIO
//         [kH,kW,Cin,filterStride] like the forward kernel's filter buffer (filterStride >= Cout; the
//         padding columns are not written, so they stay as created: zero).
// Bindings: 0 input, 1 dOutput, 2 dFilter (written, not accumulated), 3 uniforms.
// Uniforms: sizes, strides, leading padding, pixels = N*outH*outW, groups = kH*kW*Cin*(channel tiles).
// Grid: one workgroup per (filter tap and input channel, tile of CO_TILE groups of 4 output channels),
//       numbered wid.y * num_workgroups.x + wid.x; its WG threads take every WG-th output pixel and add
//       their partial sums in workgroup memory. The reduction over pixels is long (a batch of feature
//       maps) and the filter small, so the pixels are what is split across threads; each input value
//       loaded feeds 4 * CO_TILE output channels.
// Overrides: WG threads per workgroup (a power of two); CO_TILE (1..8) vec4 channel groups per thread.

struct Params {
  inH: u32, inW: u32, inC: u32, outH: u32,
  outW: u32, outC: u32, kH: u32, kW: u32,
  strideH: u32, strideW: u32, padTop: i32, padLeft: i32,
  filterStride: u32, pixels: u32, groups: u32, _pad0: u32,
}

@group(0) @binding(0) var<storage, read> input: array<f32>;
@group(0) @binding(1) var<storage, read> dOutput: array<f32>;
@group(0) @binding(2) var<storage, read_write> dFilter: array<f32>;
@group(0) @binding(3) var<uniform> p: Params;

override WG: u32 = 64u;

override CO_TILE: u32 = 1u;
const MAX_CO_TILE: u32 = 8u;

var<workgroup> partial: array<vec4<f32>, WG * CO_TILE>;

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(num_workgroups) groups: vec3<u32>) {
  // Workgroups past the end compute on group 0 and store nothing: every thread must reach the barriers.
  let rawGroup = wid.y * groups.x + wid.x;
  let group = select(0u, rawGroup, rawGroup < p.groups);
  let outC4 = (p.outC + 3u) / 4u;
  let tiles = (outC4 + CO_TILE - 1u) / CO_TILE;
  let firstCo = (group % tiles) * CO_TILE * 4u;
  let tap = group / tiles;
  let ci = tap % p.inC;
  let kx = (tap / p.inC) % p.kW;
  let ky = tap / (p.inC * p.kW);
  var sum: array<vec4<f32>, MAX_CO_TILE>;
  for (var pixel = lid.x; pixel < p.pixels; pixel += WG) {
    let ox = pixel % p.outW;
    let oy = (pixel / p.outW) % p.outH;
    let n = pixel / (p.outW * p.outH);
    let iy = i32(oy * p.strideH) - p.padTop + i32(ky);
    let ix = i32(ox * p.strideW) - p.padLeft + i32(kx);
    if (iy < 0 || ix < 0 || iy >= i32(p.inH) || ix >= i32(p.inW)) { continue; }
    let x = input[((n * p.inH + u32(iy)) * p.inW + u32(ix)) * p.inC + ci];
    let dyBase = pixel * p.outC;
    for (var j = 0u; j < CO_TILE; j++) {
      var dy = vec4<f32>(0.0);
      for (var lane = 0u; lane < 4u; lane++) {
        let co = firstCo + j * 4u + lane;
        if (co < p.outC) { dy[lane] = dOutput[dyBase + co]; }
      }
      sum[j] += x * dy;
    }
  }
  for (var j = 0u; j < CO_TILE; j++) { partial[j * WG + lid.x] = sum[j]; }
  workgroupBarrier();
  for (var step = WG / 2u; step > 0u; step /= 2u) {
    if (lid.x < step) {
      for (var j = 0u; j < CO_TILE; j++) { partial[j * WG + lid.x] += partial[j * WG + lid.x + step]; }
    }
    workgroupBarrier();
  }
  if (lid.x != 0u || rawGroup >= p.groups) { return; }
  let base = ((ky * p.kW + kx) * p.inC + ci) * p.filterStride;
  for (var j = 0u; j < CO_TILE; j++) {
    for (var lane = 0u; lane < 4u; lane++) {
      let co = firstCo + j * 4u + lane;
      if (co < p.outC) { dFilter[base + co] = partial[j * WG][lane]; }
    }
  }
}
