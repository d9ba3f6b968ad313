// head-gather: turns a detection head's per-cell output into per-anchor rows of one concatenated
// tensor, i.e. tf.reshape(head, [N,-1,width]) written into rows [rowOffset, rowOffset+cells*anchors)
// of tf.concat([...], 1) — the SSD box and class predictors' layout.
//
// Layout: input NHWC f32 [N,H,W,inC], seen as [N,cells=H*W,inC]; anchor a of a cell owns channels
//         channelOffset + a*width ... + width-1. Output [N,rows,width]: row rowOffset + cell*anchors + a.
//         out[n, rowOffset + m*anchors + a, k] = in[n, m, channelOffset + a*width + k].
// Bindings: 0 input, 1 output (only the rows of this head are written), 2 uniforms.
// Grid: one thread per output element of this head, k fastest; threads = N*cells*anchors*width laid
//       out by grid.ts.
// Overrides: WG threads per workgroup.

struct Params {
  threads: u32, cells: u32, anchors: u32, width: u32,
  inC: u32, channelOffset: u32, rowOffset: u32, rows: u32,
}

@group(0) @binding(0) var<storage, read> input: array<f32>;
@group(0) @binding(1) var<storage, read_write> output: array<f32>;
@group(0) @binding(2) var<uniform> p: Params;

override WG: u32 = 64u;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let t = gid.y * groups.x * WG + gid.x;
  if (t >= p.threads) { return; }
  let k = t % p.width;
  let a = (t / p.width) % p.anchors;
  let m = (t / (p.width * p.anchors)) % p.cells;
  let n = t / (p.width * p.anchors * p.cells);
  let row = n * p.rows + p.rowOffset + m * p.anchors + a;
  output[row * p.width + k] = input[(n * p.cells + m) * p.inC + p.channelOffset + a * p.width + k];
}
