// add: elementwise a + b of two equal-sized tensors with an optional fused activation (residual sums such
// as relu(out1 + out2)). Prefixed with activation.wgsl by the host.
//
// Layout: any shape, flat; bound as vec4 (every buffer is padded to 16 bytes). The lanes of the last vec4
//         past the tensor's end are padding: they are computed from the inputs' padding and never read.
// Bindings: 0 a, 1 b, 2 output (must not alias a or b), 3 uniforms.
// Uniforms: count4 = ceil(elements / 4); alpha = the leaky-ReLU slope (activation 3); activation
//           (activation.wgsl).
// Grid: x = one vec4 per thread.
// Overrides: WG threads per workgroup.

struct Params {
  count4: u32, alpha: f32, activation: u32, _pad0: u32,
}

@group(0) @binding(0) var<storage, read> a: array<vec4<f32>>;
@group(0) @binding(1) var<storage, read> b: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read_write> output: array<vec4<f32>>;
@group(0) @binding(3) var<uniform> p: Params;

override WG: u32 = 64u;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = gid.x;
  if (i >= p.count4) { return; }
  output[i] = activate4(a[i] + b[i], vec4<f32>(p.alpha), p.activation);
}
