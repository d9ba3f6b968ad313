// conv2d-filter-flip: the filter of a convolution's input gradient as a forward convolution. For stride 1
// and an odd kernel with SAME padding, dX = conv(dY, W') with W'[ky,kx,co,ci] = W[kH-1-ky, kW-1-kx, ci, co]:
// the kernel rotated by 180° with its input and output channels swapped. The trainer rewrites W' from W
// each step (it is tiny) and runs the forward conv2d kernel on it.
//
// Layout: filter HWIO [kH,kW,Cin,filterStride] (filterStride >= Cout); flipped HWIO
//         [kH,kW,Cout,flippedStride] (flippedStride = Cin rounded up to 4, the forward kernel's padding;
//         the padding columns are not written and stay zero).
// Bindings: 0 filter, 1 flipped (written), 2 uniforms.
// Uniforms: kH, kW, inC, outC, filterStride, flippedStride, threads = kH*kW*Cin*Cout.
// Grid: one thread per filter element, laid out by grid.ts.
// Overrides: WG threads per workgroup.

struct Params { kH: u32, kW: u32, inC: u32, outC: u32, filterStride: u32, flippedStride: u32, threads: u32, _pad0: u32 }

@group(0) @binding(0) var<storage, read> weights: array<f32>;
@group(0) @binding(1) var<storage, read_write> flipped: array<f32>;
@group(0) @binding(2) var<uniform> p: Params;

override WG: u32 = 64u;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let t = gid.y * groups.x * WG + gid.x;
  if (t >= p.threads) { return; }
  let co = t % p.outC;
  let ci = (t / p.outC) % p.inC;
  let tap = t / (p.outC * p.inC);
  let kx = tap % p.kW;
  let ky = tap / p.kW;
  let source = ((ky * p.kW + kx) * p.inC + ci) * p.filterStride + co;
  let destination = (((p.kH - 1u - ky) * p.kW + (p.kW - 1u - kx)) * p.outC + co) * p.flippedStride + ci;
  flipped[destination] = weights[source];
}
