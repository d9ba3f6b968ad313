// prelu-backward: the gradients of PReLU y = x >= 0 ? x : alpha[c] * x (activation.wgsl's code 3):
//   dX = dY where x >= 0, else alpha[c] * dY;   dAlpha[c] = sum over positions with x < 0 of dY * x.
//
// Layout: input (the PReLU's input x), dOutput and dInput NHWC f32 seen as [rows, channels]; alpha and
//         dAlpha [channels].
// Bindings: 0 input, 1 alpha, 2 dOutput, 3 dInput (written), 4 dAlpha (written), 5 uniforms.
// Uniforms: rows = N*H*W, channels.
// Grid: one workgroup per channel (x, wrapping into y); its WG threads take every WG-th row, write dInput
//       for it and add their partial dAlpha sums in workgroup memory.
// Overrides: WG threads per workgroup (a power of two).

struct Params { rows: u32, channels: u32, _pad0: u32, _pad1: u32 }

@group(0) @binding(0) var<storage, read> input: array<f32>;
@group(0) @binding(1) var<storage, read> alpha: array<f32>;
@group(0) @binding(2) var<storage, read> dOutput: array<f32>;
@group(0) @binding(3) var<storage, read_write> dInput: array<f32>;
@group(0) @binding(4) var<storage, read_write> dAlpha: array<f32>;
@group(0) @binding(5) var<uniform> p: Params;

override WG: u32 = 64u;

var<workgroup> partial: array<f32, WG>;

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(num_workgroups) groups: vec3<u32>) {
  let rawChannel = wid.y * groups.x + wid.x;
  let c = min(rawChannel, p.channels - 1u);
  let valid = rawChannel < p.channels;
  let a = alpha[c];
  var sum = 0.0;
  for (var row = lid.x; row < p.rows; row += WG) {
    let index = row * p.channels + c;
    let x = input[index];
    let dy = dOutput[index];
    if (valid) { dInput[index] = select(a * dy, dy, x >= 0.0); }
    sum += select(dy * x, 0.0, x >= 0.0);
  }
  partial[lid.x] = sum;
  workgroupBarrier();
  for (var step = WG / 2u; step > 0u; step /= 2u) {
    if (lid.x < step) { partial[lid.x] += partial[lid.x + step]; }
    workgroupBarrier();
  }
  if (lid.x == 0u && valid) { dAlpha[c] = partial[0]; }
}
