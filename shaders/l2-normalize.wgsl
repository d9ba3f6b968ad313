// l2-normalize: per-row L2 normalisation y = x / n, n = sqrt(max(sum x^2, 1e-12)) (the forward of
// l2-normalize-backward.wgsl; the epsilon keeps an all-zero row finite, as the backward assumes).
//
// Layout: any shape flattened to [rows, cols], cols = the last axis; input and output alike.
// Bindings: 0 input, 1 output (written), 2 uniforms.
// Uniforms: rows, cols.
// Grid: one thread per row, laid out by grid.ts (rows are embeddings: tens to hundreds of values).
// Overrides: WG threads per workgroup.

struct Params { rows: u32, cols: u32, _pad0: u32, _pad1: u32 }

@group(0) @binding(0) var<storage, read> input: array<f32>;
@group(0) @binding(1) var<storage, read_write> output: array<f32>;
@group(0) @binding(2) var<uniform> p: Params;

override WG: u32 = 64u;

const EPSILON = 1e-12;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let row = gid.y * groups.x * WG + gid.x;
  if (row >= p.rows) { return; }
  let base = row * p.cols;
  var sumSq = 0.0;
  for (var c = 0u; c < p.cols; c++) {
    let x = input[base + c];
    sumSq += x * x;
  }
  let inverse = 1.0 / sqrt(max(sumSq, EPSILON));
  for (var c = 0u; c < p.cols; c++) {
    output[base + c] = input[base + c] * inverse;
  }
}
