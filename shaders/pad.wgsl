// pad: zero padding of rows, columns and channels: [N,H,W,C] -> [N,top+H+bottom,left+W+right,C+extra].
// Used for the ResNet shortcut's channel padding (zeros appended after the last channel) and for the
// extra zero row/column at the bottom/right of the recognition net's down-sampling branches.
//
// Layout: input NHWC f32 [N,H,W,C]; output NHWC [N,outH,outW,outC], input at (padTop, padLeft,
//         channel 0); channels are only appended (outC >= C).
// Bindings: 0 input, 1 output, 2 uniforms.
// Grid: one thread per output element, channel fastest; threads = N*outH*outW*outC laid out by grid.ts.
// Overrides: WG threads per workgroup.

struct Params {
  inH: u32, inW: u32, inC: u32, outH: u32,
  outW: u32, outC: u32, threads: u32, padTop: u32,
  padLeft: u32, _pad0: u32, _pad1: u32, _pad2: u32,
}

@group(0) @binding(0) var<storage, read> input: array<f32>;
@group(0) @binding(1) var<storage, read_write> output: array<f32>;
@group(0) @binding(2) var<uniform> p: Params;

override WG: u32 = 64u;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let t = gid.y * groups.x * WG + gid.x;
  if (t >= p.threads) { return; }
  let c = t % p.outC;
  let pixel = t / p.outC;
  let ox = pixel % p.outW;
  let oy = (pixel / p.outW) % p.outH;
  let n = pixel / (p.outW * p.outH);
  // Unsigned wrap-around makes positions above/left of the input large, so one test covers both sides.
  let iy = oy - p.padTop;
  let ix = ox - p.padLeft;
  var value = 0.0;
  if (iy < p.inH && ix < p.inW && c < p.inC) {
    value = input[((n * p.inH + iy) * p.inW + ix) * p.inC + c];
  }
  output[t] = value;
}
