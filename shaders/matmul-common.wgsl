// Shared snippet of matmul.wgsl and matmul-subgroup.wgsl (layout, bindings and uniforms are described
// there): their uniforms, bindings and input reads. loadRow4 uses the kernel's ALIGNED override.

struct Params {
  m: u32, k: u32, n: u32, n4: u32,
  activation: u32, tileRows: u32, _pad1: u32, _pad2: u32,
}

@group(0) @binding(0) var<storage, read> input: array<vec4<f32>>;
@group(0) @binding(1) var<storage, read> weights: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read> channelParams: array<vec4<f32>>;
@group(0) @binding(3) var<storage, read> residual: array<f32>;
@group(0) @binding(4) var<storage, read_write> output: array<f32>;
@group(0) @binding(5) var<uniform> p: Params;

fn element(index: u32) -> f32 {
  return input[index / 4u][index % 4u];
}

// Input row `row` (starting at float offset rowBase), columns 4*k4 .. 4*k4+3.
fn loadRow4(rowBase: u32, k4: u32) -> vec4<f32> {
  if (ALIGNED) { return input[rowBase / 4u + k4]; }
  let e = rowBase + k4 * 4u;
  return vec4<f32>(element(e), element(e + 1u), element(e + 2u), element(e + 3u));
}
