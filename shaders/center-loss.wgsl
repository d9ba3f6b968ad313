// center-loss: the center loss of Wen et al. 2016 (ECCV, "A Discriminative Feature Learning Approach for
// Deep Face Recognition"), L_C = 1/2 sum_i ||x_i - c_{y_i}||^2, weighted by lambda and scaled like the
// softmax loss (scale = 1/batch):
//   loss[i] = lambda/2 * ||x_i - c_{y_i}||^2  (unscaled; the host averages),
//   dX[i,d] += lambda * scale * (x[i,d] - c[y_i,d])   (added to the gradient the classifier gave).
// The centres move in center-update.wgsl, after this kernel has read them.
//
// Layout: features f32 [rows, dims]; labels u32 [rows]; centres [classes, dims]; dFeatures like features.
// Bindings: 0 features, 1 labels, 2 centres, 3 dFeatures (read and accumulated), 4 loss (written), 5 uniforms.
// Uniforms: rows, dims, lambda, scale.
// Grid: one thread per row, laid out by grid.ts.
// Overrides: WG threads per workgroup.

struct Params { rows: u32, dims: u32, lambda: f32, scale: f32 }

@group(0) @binding(0) var<storage, read> features: array<f32>;
@group(0) @binding(1) var<storage, read> labels: array<u32>;
@group(0) @binding(2) var<storage, read> centres: array<f32>;
@group(0) @binding(3) var<storage, read_write> dFeatures: array<f32>;
@group(0) @binding(4) var<storage, read_write> loss: array<f32>;
@group(0) @binding(5) var<uniform> p: Params;

override WG: u32 = 64u;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let row = gid.y * groups.x * WG + gid.x;
  if (row >= p.rows) { return; }
  let base = row * p.dims;
  let centre = labels[row] * p.dims;
  var squared = 0.0;
  for (var d = 0u; d < p.dims; d++) {
    let diff = features[base + d] - centres[centre + d];
    squared += diff * diff;
    dFeatures[base + d] += p.lambda * p.scale * diff;
  }
  loss[row] = 0.5 * p.lambda * squared;
}
