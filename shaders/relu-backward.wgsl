// relu-backward: the gradient through ReLU, dX = dY where the ReLU's output y > 0, else 0
// (y > 0 exactly where its input x > 0; at x = 0 the gradient is taken as 0, as TensorFlow's ReluGrad does).
//
// Layout: any shape, flattened; output (the ReLU's forward output), dOutput and dInput have one size.
// Bindings: 0 output, 1 dOutput, 2 dInput (must not alias dOutput), 3 uniforms.
// Uniforms: count = elements.
// Grid: one thread per element, laid out by grid.ts.
// Overrides: WG threads per workgroup.

struct Params { count: u32, _pad0: u32, _pad1: u32, _pad2: u32 }

@group(0) @binding(0) var<storage, read> output: array<f32>;
@group(0) @binding(1) var<storage, read> dOutput: array<f32>;
@group(0) @binding(2) var<storage, read_write> dInput: array<f32>;
@group(0) @binding(3) var<uniform> p: Params;

override WG: u32 = 64u;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let t = gid.y * groups.x * WG + gid.x;
  if (t >= p.count) { return; }
  dInput[t] = select(0.0, dOutput[t], output[t] > 0.0);
}
