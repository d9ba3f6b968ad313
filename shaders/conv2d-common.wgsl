// Shared snippet of conv2d.wgsl and conv2d-subgroup.wgsl (layout, bindings and uniforms are described
// there): their uniforms, bindings and window geometry.

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
