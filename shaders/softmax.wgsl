// softmax over the last axis: y[r,c] = exp(x[r,c] - max_r) / sum_c exp(x[r,c] - max_r) (the row maximum
// is subtracted so that exp cannot overflow).
//
// Layout: any shape flattened to [rows, cols] row-major, cols = the last axis; output the same.
// Bindings: 0 input, 1 output (must not alias input), 2 uniforms.
// Uniforms: rows, cols.
// Grid: x = WG_X threads share one row (each takes every WG_X-th column; they combine their max and sum
//       through workgroup memory); y = WG_Y rows per workgroup, so short rows still fill a workgroup.
// Overrides: WG_X (a power of two), WG_Y.

struct Params {
  rows: u32, cols: u32, _pad0: u32, _pad1: u32,
}

@group(0) @binding(0) var<storage, read> input: array<f32>;
@group(0) @binding(1) var<storage, read_write> output: array<f32>;
@group(0) @binding(2) var<uniform> p: Params;

override WG_X: u32 = 64u;
override WG_Y: u32 = 1u;

var<workgroup> scratch: array<f32, WG_X * WG_Y>;

// Combines the WG_X values of each row in `scratch` (max or sum); every thread gets its row's result.
fn reduceRow(lid: vec3<u32>, value: f32, isMax: bool) -> f32 {
  let base = lid.y * WG_X;
  scratch[base + lid.x] = value;
  workgroupBarrier();
  for (var step = WG_X / 2u; step > 0u; step /= 2u) {
    if (lid.x < step) {
      let a = scratch[base + lid.x];
      let b = scratch[base + lid.x + step];
      scratch[base + lid.x] = select(a + b, max(a, b), isMax);
    }
    workgroupBarrier();
  }
  let result = scratch[base];
  // The next reduction overwrites scratch; everyone must have read this one first.
  workgroupBarrier();
  return result;
}

@compute @workgroup_size(WG_X, WG_Y)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>) {
  // Threads of rows past the end work on the last row and store nothing: all must reach the barriers.
  let row = min(gid.y, p.rows - 1u);
  let rowBase = row * p.cols;
  // Start from an element of the row (threads past its end repeat the last one): no -inf literal needed.
  var rowMax = input[rowBase + min(lid.x, p.cols - 1u)];
  for (var c = lid.x + WG_X; c < p.cols; c += WG_X) { rowMax = max(rowMax, input[rowBase + c]); }
  rowMax = reduceRow(lid, rowMax, true);
  var sum = 0.0;
  for (var c = lid.x; c < p.cols; c += WG_X) { sum += exp(input[rowBase + c] - rowMax); }
  sum = reduceRow(lid, sum, false);
  if (gid.y >= p.rows) { return; }
  let scale = 1.0 / sum;
  for (var c = lid.x; c < p.cols; c += WG_X) { output[rowBase + c] = exp(input[rowBase + c] - rowMax) * scale; }
}
