// global-mean: mean over H and W for every (image, channel): [N,H,W,C] -> [N,1,1,C].
//
// Layout: input NHWC f32 [N,H,W,C]; output [N,1,1,C] (= [N,C]).
// Bindings: 0 input, 1 output, 2 uniforms.
// Grid: x = group of WG_X channels, y = image. In a workgroup, lane (lx, ly) sums channel
//       group*WG_X+lx over pixels ly, ly+WG_Y, ly+2*WG_Y, ... (neighbouring lanes read neighbouring
//       channels); the WG_Y partial sums are then added in a tree in workgroup memory and divided by H*W.
// Overrides: WG_X (channels per workgroup), WG_Y (pixel lanes, a power of two).

struct Params {
  pixels: u32, channels: u32, _pad0: u32, _pad1: u32,
}

@group(0) @binding(0) var<storage, read> input: array<f32>;
@group(0) @binding(1) var<storage, read_write> output: array<f32>;
@group(0) @binding(2) var<uniform> p: Params;

override WG_X: u32 = 16u;
override WG_Y: u32 = 4u;

var<workgroup> partial: array<f32, WG_X * WG_Y>;

@compute @workgroup_size(WG_X, WG_Y)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(local_invocation_id) lane: vec3<u32>) {
  let c = group.x * WG_X + lane.x;
  let n = group.y;
  // Lanes past the last channel still take part in the barriers below; they just add nothing.
  var sum = 0.0;
  if (c < p.channels) {
    var index = (n * p.pixels + lane.y) * p.channels + c;
    let pixelStep = WG_Y * p.channels;
    for (var pixel = lane.y; pixel < p.pixels; pixel += WG_Y) {
      sum += input[index];
      index += pixelStep;
    }
  }
  partial[lane.y * WG_X + lane.x] = sum;
  workgroupBarrier();
  for (var reach = WG_Y / 2u; reach > 0u; reach /= 2u) {
    if (lane.y < reach) {
      partial[lane.y * WG_X + lane.x] += partial[(lane.y + reach) * WG_X + lane.x];
    }
    workgroupBarrier();
  }
  if (lane.y == 0u && c < p.channels) {
    output[n * p.channels + c] = partial[lane.x] / f32(p.pixels);
  }
}
