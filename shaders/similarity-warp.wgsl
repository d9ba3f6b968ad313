// similarity-warp: RGBA8 frame -> normalised float NHWC through a 2x3 affine map (the dlib face chip).
//
// Layout: frame is an rgba8unorm texture; output NHWC f32 [B,outH,outW,3], one dispatch writes image
//         `batch` only. Texels are read with textureLoad and turned back into bytes (round(t*255)).
// Coordinates: pixel centres sit at integer positions, as in dlib: texel (x,y) is the point (x,y) of
//         the frame and output pixel (ox,oy) the point (ox,oy) of the chip.
// Map: (sx,sy) = M * (ox,oy,1) (chip -> frame). The host splits it for f32 precision in large frames:
//         (sx,sy) = originInt + originFrac + A * ((ox,oy) - centre), where originInt + originFrac is
//         M applied (in float64) to the output centre ((outW-1)/2, (outH-1)/2), originInt its integer
//         floor and A = (a00,a01,a10,a11) the linear part; so the fraction never carries the magnitude
//         of the frame coordinate.
// Sampling: bilinear over the 4 texels around (sx,sy); a texel outside the frame counts as 0 (zero fill
//         outside the image). top = a + (b-a)*fx, bottom likewise, v = top + (bottom-top)*fy.
// Normalise: out[c] = (v[c] - mean[c]) * scale[c].
// Bindings: 0 frame (texture_2d<f32>), 1 output, 2 uniforms.
// Grid: x = output column, y = output row; one thread per output pixel writes its 3 channels.
// Overrides: WG_X * WG_Y threads per workgroup.

struct Params {
  outH: u32, outW: u32, batch: u32, _pad0: u32,
  originInt: vec2<i32>, originFrac: vec2<f32>,
  linear: vec4<f32>,
  mean: vec4<f32>,
  scale: vec4<f32>,
}

@group(0) @binding(0) var frame: texture_2d<f32>;
@group(0) @binding(1) var<storage, read_write> output: array<f32>;
@group(0) @binding(2) var<uniform> p: Params;

override WG_X: u32 = 8u;
override WG_Y: u32 = 8u;

fn texel(x: i32, y: i32, size: vec2<i32>) -> vec3<f32> {
  if (x < 0 || y < 0 || x >= size.x || y >= size.y) { return vec3<f32>(0.0); }
  return round(textureLoad(frame, vec2<i32>(x, y), 0).rgb * 255.0);
}

@compute @workgroup_size(WG_X, WG_Y)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let ox = gid.x;
  let oy = gid.y;
  if (ox >= p.outW || oy >= p.outH) { return; }
  let centre = vec2<f32>(f32(p.outW - 1u), f32(p.outH - 1u)) * 0.5;
  let u = vec2<f32>(f32(ox), f32(oy)) - centre;
  let local = p.originFrac + vec2<f32>(dot(p.linear.xy, u), dot(p.linear.zw, u));
  let size = vec2<i32>(textureDimensions(frame));
  // Clamp before the integer conversion: points far outside stay outside and never overflow.
  let whole = clamp(floor(local), vec2<f32>(-16777216.0), vec2<f32>(16777216.0));
  let f = local - floor(local);
  let x0 = p.originInt.x + i32(whole.x);
  let y0 = p.originInt.y + i32(whole.y);

  let a = texel(x0, y0, size);
  let b = texel(x0 + 1, y0, size);
  let c = texel(x0, y0 + 1, size);
  let d = texel(x0 + 1, y0 + 1, size);
  let top = a + (b - a) * f.x;
  let bottom = c + (d - c) * f.x;
  let v = (top + (bottom - top) * f.y - p.mean.xyz) * p.scale.xyz;

  let base = ((p.batch * p.outH + oy) * p.outW + ox) * 3u;
  output[base] = v.x;
  output[base + 1u] = v.y;
  output[base + 2u] = v.z;
}
