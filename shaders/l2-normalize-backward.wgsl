// l2-normalize-backward: the gradient of per-row L2 normalisation y = x / n, n = sqrt(max(sum x^2, 1e-12)):
//   dX = (dY - y * (y . dY)) / n   where sum x^2 > 1e-12;   dX = dY / n   where the epsilon holds n fixed.
//
// Layout: any shape flattened to [rows, cols], cols = the last axis; input (x), dOutput, dInput alike.
// Bindings: 0 input, 1 dOutput, 2 dInput (written), 3 uniforms.
// Uniforms: rows, cols.
// Grid: one thread per row, laid out by grid.ts (rows are embeddings: tens to hundreds of values).
// Overrides: WG threads per workgroup.

struct Params { rows: u32, cols: u32, _pad0: u32, _pad1: u32 }

@group(0) @binding(0) var<storage, read> input: array<f32>;
@group(0) @binding(1) var<storage, read> dOutput: array<f32>;
@group(0) @binding(2) var<storage, read_write> dInput: array<f32>;
@group(0) @binding(3) var<uniform> p: Params;

override WG: u32 = 64u;

const EPSILON = 1e-12;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let row = gid.y * groups.x * WG + gid.x;
  if (row >= p.rows) { return; }
  let base = row * p.cols;
  var sumSq = 0.0;
  var dot = 0.0;
  for (var c = 0u; c < p.cols; c++) {
    let x = input[base + c];
    sumSq += x * x;
    dot += x * dOutput[base + c];
  }
  let clamped = sumSq <= EPSILON;
  let inverse = 1.0 / sqrt(max(sumSq, EPSILON));
  // y . dY = (x . dY) / n, so y * (y . dY) = x * (x . dY) / n^2.
  let projection = select(dot * inverse * inverse, 0.0, clamped);
  for (var c = 0u; c < p.cols; c++) {
    dInput[base + c] = (dOutput[base + c] - input[base + c] * projection) * inverse;
  }
}
