// sigmoid: elementwise y = 1 / (1 + exp(-x)) (detector scores, classifier heads).
//
// Layout: any shape, flat; bound as vec4 (every buffer is padded to 16 bytes). The lanes of the last vec4
//         past the tensor's end are padding: computed from the input's padding and never read.
// Bindings: 0 input, 1 output (must not alias input), 2 uniforms.
// Uniforms: count4 = ceil(elements / 4).
// Grid: x = one vec4 per thread.
// Overrides: WG threads per workgroup.

struct Params {
  count4: u32, _pad0: u32, _pad1: u32, _pad2: u32,
}

@group(0) @binding(0) var<storage, read> input: array<vec4<f32>>;
@group(0) @binding(1) var<storage, read_write> output: array<vec4<f32>>;
@group(0) @binding(2) var<uniform> p: Params;

override WG: u32 = 64u;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = gid.x;
  if (i >= p.count4) { return; }
  // exp(-x) overflows to +inf for x < -88, which correctly gives 0.
  output[i] = 1.0 / (1.0 + exp(-input[i]));
}
