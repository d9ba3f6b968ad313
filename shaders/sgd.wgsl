// sgd: one step of stochastic gradient descent with momentum and L2 weight decay on one parameter
// tensor (the classic form, as Caffe and PyTorch's SGD write it):
//   v <- momentum * v + (g + weightDecay * w);   w <- w - learningRate * v.
//
// Layout: parameter, gradient and velocity f32, the first `count` elements of each buffer.
// Bindings: 0 parameter (updated), 1 gradient, 2 velocity (updated), 3 learningRate (f32 [1], shared by
//           every parameter and written once per step, so a schedule changes it without new bind groups),
//           4 uniforms.
// Uniforms: count, momentum, weightDecay.
// Grid: one thread per element, laid out by grid.ts.
// Overrides: WG threads per workgroup.

struct Params { count: u32, momentum: f32, weightDecay: f32, _pad0: u32 }

@group(0) @binding(0) var<storage, read_write> parameter: array<f32>;
@group(0) @binding(1) var<storage, read> gradient: array<f32>;
@group(0) @binding(2) var<storage, read_write> velocity: array<f32>;
@group(0) @binding(3) var<storage, read> learningRate: array<f32>;
@group(0) @binding(4) var<uniform> p: Params;

override WG: u32 = 64u;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let t = gid.y * groups.x * WG + gid.x;
  if (t >= p.count) { return; }
  let w = parameter[t];
  let v = p.momentum * velocity[t] + gradient[t] + p.weightDecay * w;
  velocity[t] = v;
  parameter[t] = w - learningRate[0] * v;
}
