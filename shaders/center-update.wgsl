// center-update: the class-centre update of center loss (Wen et al. 2016, eq. 4 and Algorithm 1):
//   delta_c[j] = sum_{i: y_i = j} (c_j - x_i) / (1 + #{i: y_i = j}),   c_j <- c_j - alpha * delta_c[j].
// Classes absent from the batch do not move. Runs after center-loss.wgsl in the same step.
//
// Layout: features f32 [rows, dims]; labels u32 [rows]; centres [classes, dims] (updated in place).
// Bindings: 0 features, 1 labels, 2 centres, 3 uniforms.
// Uniforms: rows, dims, classes, alpha.
// Grid: one thread per centre element (class, dim), dim fastest, laid out by grid.ts.
// Overrides: WG threads per workgroup.

struct Params { rows: u32, dims: u32, classes: u32, alpha: f32 }

@group(0) @binding(0) var<storage, read> features: array<f32>;
@group(0) @binding(1) var<storage, read> labels: array<u32>;
@group(0) @binding(2) var<storage, read_write> centres: array<f32>;
@group(0) @binding(3) var<uniform> p: Params;

override WG: u32 = 64u;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let t = gid.y * groups.x * WG + gid.x;
  if (t >= p.classes * p.dims) { return; }
  let d = t % p.dims;
  let j = t / p.dims;
  let centre = centres[t];
  var sum = 0.0;
  var count = 0u;
  for (var i = 0u; i < p.rows; i++) {
    if (labels[i] == j) {
      sum += centre - features[i * p.dims + d];
      count++;
    }
  }
  centres[t] = centre - p.alpha * sum / f32(1u + count);
}
