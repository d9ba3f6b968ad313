// bias-backward: the gradient of a per-channel bias, the column sums of the output gradient,
// dBias[c] = sum over rows r of dY[r, c]  (rows = N*H*W for a convolution, the batch for a dense layer).
//
// Layout: dOutput f32 [rows, cols] row-major (NHWC seen as [N*H*W, C]); dBias [cols].
// Bindings: 0 dOutput, 1 dBias (written, not accumulated), 2 uniforms.
// Uniforms: rows, cols.
// Grid: one workgroup per column (x, wrapping into y past the device limit); its WG threads take every
//       WG-th row and add their partial sums in workgroup memory.
// Overrides: WG threads per workgroup (a power of two).

struct Params { rows: u32, cols: u32, _pad0: u32, _pad1: u32 }

@group(0) @binding(0) var<storage, read> dOutput: array<f32>;
@group(0) @binding(1) var<storage, read_write> dBias: array<f32>;
@group(0) @binding(2) var<uniform> p: Params;

override WG: u32 = 64u;

var<workgroup> partial: array<f32, WG>;

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(num_workgroups) groups: vec3<u32>) {
  let rawColumn = wid.y * groups.x + wid.x;
  let column = min(rawColumn, p.cols - 1u);
  var sum = 0.0;
  for (var row = lid.x; row < p.rows; row += WG) { sum += dOutput[row * p.cols + column]; }
  partial[lid.x] = sum;
  workgroupBarrier();
  for (var step = WG / 2u; step > 0u; step /= 2u) {
    if (lid.x < step) { partial[lid.x] += partial[lid.x + step]; }
    workgroupBarrier();
  }
  if (lid.x == 0u && rawColumn < p.cols) { dBias[column] = partial[0]; }
}
