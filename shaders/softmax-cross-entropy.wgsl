// softmax-cross-entropy: fused softmax and cross-entropy loss over a batch of logits, and its gradient:
//   p = softmax(z) (max subtracted first), loss[r] = -log p[label[r]] = logsumexp(z) - z[label],
//   dZ[r,c] = scale * (p[c] - [c == label[r]])  with scale = 1/batch for the batch-mean loss.
//
// Layout: logits f32 [rows, classes] row-major; labels u32 [rows]; dLogits like logits; loss f32 [rows].
// Bindings: 0 logits, 1 labels, 2 dLogits (written), 3 loss (written), 4 uniforms.
// Uniforms: rows, classes, scale.
// Grid: one thread per row (classes are few), laid out by grid.ts.
// Overrides: WG threads per workgroup.

struct Params { rows: u32, classes: u32, scale: f32, _pad0: u32 }

@group(0) @binding(0) var<storage, read> logits: array<f32>;
@group(0) @binding(1) var<storage, read> labels: array<u32>;
@group(0) @binding(2) var<storage, read_write> dLogits: array<f32>;
@group(0) @binding(3) var<storage, read_write> loss: array<f32>;
@group(0) @binding(4) var<uniform> p: Params;

override WG: u32 = 64u;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let row = gid.y * groups.x * WG + gid.x;
  if (row >= p.rows) { return; }
  let base = row * p.classes;
  var top = logits[base];
  for (var c = 1u; c < p.classes; c++) { top = max(top, logits[base + c]); }
  var total = 0.0;
  for (var c = 0u; c < p.classes; c++) { total += exp(logits[base + c] - top); }
  let label = labels[row];
  loss[row] = log(total) + top - logits[base + label];
  for (var c = 0u; c < p.classes; c++) {
    let probability = exp(logits[base + c] - top) / total;
    dLogits[base + c] = p.scale * (probability - select(0.0, 1.0, c == label));
  }
}
