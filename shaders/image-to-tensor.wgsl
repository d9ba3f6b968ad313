// image-to-tensor: RGBA8 frame -> normalised float NHWC, with crop, zero pad, bilinear resize and an
// optional horizontal flip fused in one pass. Matches tf.image.resizeBilinear(x, [outH,outW],
// alignCorners=false, halfPixelCenters=false) applied to the cropped and padded image.
//
// Layout: frame is an rgba8unorm texture, texel (x,y) = column x, row y; alpha is ignored. Texels are
//         read with textureLoad and turned back into their byte values 0..255 (round(t*255)).
//         Output NHWC f32 [B,outH,outW,3]; one dispatch writes image `batch` only.
// Virtual source: a srcW x srcH canvas of zeros with the crop (cropX,cropY,cropW,cropH, integer
//         pixels of the frame) placed with its top-left corner at (padLeft,padTop). Crop pixels that
//         fall outside the frame read 0, like the canvas around the crop.
// Resize: output (oy,ox) reads source y = oy*srcH/outH, x = ox*srcW/outW; y0 = floor(y),
//         y1 = min(y0+1, srcH-1), fy = y - y0 (the same for x). top = a + (b-a)*fx, bottom likewise,
//         v = top + (bottom-top)*fy. The floor is taken in integers (oy*srcH / outH), so it is exact.
// Normalise: out[c] = (v[c] - mean[c]) * scale[c].
// Flip: flip != 0 stores column ox from what column outW-1-ox would hold (tf.image.flipLeftRight).
// Bindings: 0 frame (texture_2d<f32>), 1 output, 2 uniforms.
// Grid: x = output column, y = output row; one thread per output pixel writes its 3 channels.
// Overrides: WG_X * WG_Y threads per workgroup.

struct Params {
  outH: u32, outW: u32, srcH: u32, srcW: u32,
  cropX: i32, cropY: i32, cropW: i32, cropH: i32,
  padTop: i32, padLeft: i32, batch: u32, flip: u32,
  mean: vec4<f32>,
  scale: vec4<f32>,
}

@group(0) @binding(0) var frame: texture_2d<f32>;
@group(0) @binding(1) var<storage, read_write> output: array<f32>;
@group(0) @binding(2) var<uniform> p: Params;

override WG_X: u32 = 8u;
override WG_Y: u32 = 8u;

// Byte values of the virtual source pixel (sx,sy): zero on the canvas, outside the crop or the frame.
fn source(sx: i32, sy: i32) -> vec3<f32> {
  let cx = sx - p.padLeft;
  let cy = sy - p.padTop;
  if (cx < 0 || cy < 0 || cx >= p.cropW || cy >= p.cropH) { return vec3<f32>(0.0); }
  let fx = p.cropX + cx;
  let fy = p.cropY + cy;
  let size = vec2<i32>(textureDimensions(frame));
  if (fx < 0 || fy < 0 || fx >= size.x || fy >= size.y) { return vec3<f32>(0.0); }
  return round(textureLoad(frame, vec2<i32>(fx, fy), 0).rgb * 255.0);
}

@compute @workgroup_size(WG_X, WG_Y)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let ox = gid.x;
  let oy = gid.y;
  if (ox >= p.outW || oy >= p.outH) { return; }
  var sxOut = ox;
  if (p.flip != 0u) { sxOut = p.outW - 1u - ox; }

  let yNum = oy * p.srcH;
  let xNum = sxOut * p.srcW;
  let y0 = yNum / p.outH;
  let x0 = xNum / p.outW;
  let fy = f32(yNum % p.outH) / f32(p.outH);
  let fx = f32(xNum % p.outW) / f32(p.outW);
  let y1 = min(y0 + 1u, p.srcH - 1u);
  let x1 = min(x0 + 1u, p.srcW - 1u);

  let a = source(i32(x0), i32(y0));
  let b = source(i32(x1), i32(y0));
  let c = source(i32(x0), i32(y1));
  let d = source(i32(x1), i32(y1));
  let top = a + (b - a) * fx;
  let bottom = c + (d - c) * fx;
  let v = (top + (bottom - top) * fy - p.mean.xyz) * p.scale.xyz;

  let base = ((p.batch * p.outH + oy) * p.outW + ox) * 3u;
  output[base] = v.x;
  output[base + 1u] = v.y;
  output[base + 2u] = v.z;
}
