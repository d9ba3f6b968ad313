// conv2d-backward-input: the gradient of a 2-D convolution with respect to its input,
// dX[n,iy,ix,ci] = sum over (ky,kx,co) with iy = oy*strideH - padTop + ky, ix = ox*strideW - padLeft + kx
//                  of dY[n,oy,ox,co] * W[ky,kx,ci,co].
//
// Layout: dOutput NHWC f32 [N,outH,outW,Cout]; filter HWIO [kH,kW,Cin,filterStride] (filterStride >= Cout:
//         the forward kernel's filter buffer pads Cout to a multiple of 4); dInput NHWC [N,inH,inW,Cin].
// Padding: padTop/padLeft as the forward pass used them (windowGeometry); taps in the padding have no input.
// Bindings: 0 dOutput, 1 weights (the filter), 2 dInput (written, not accumulated), 3 uniforms.
// Uniforms: sizes, strides, leading padding, threads = N*inH*inW*Cin.
// Grid: one thread per dInput element, channel fastest, laid out by grid.ts.
// Overrides: WG threads per workgroup.

struct Params {
  inH: u32, inW: u32, inC: u32, outH: u32,
  outW: u32, outC: u32, kH: u32, kW: u32,
  strideH: u32, strideW: u32, padTop: i32, padLeft: i32,
  filterStride: u32, threads: u32, _pad0: u32, _pad1: u32,
}

@group(0) @binding(0) var<storage, read> dOutput: array<f32>;
@group(0) @binding(1) var<storage, read> weights: array<f32>;
@group(0) @binding(2) var<storage, read_write> dInput: array<f32>;
@group(0) @binding(3) var<uniform> p: Params;

override WG: u32 = 64u;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let t = gid.y * groups.x * WG + gid.x;
  if (t >= p.threads) { return; }
  let ci = t % p.inC;
  let pixel = t / p.inC;
  let ix = i32(pixel % p.inW);
  let iy = i32((pixel / p.inW) % p.inH);
  let n = pixel / (p.inW * p.inH);
  var sum = 0.0;
  for (var ky = 0u; ky < p.kH; ky++) {
    let yNum = iy + p.padTop - i32(ky);
    if (yNum < 0 || yNum % i32(p.strideH) != 0) { continue; }
    let oy = u32(yNum) / p.strideH;
    if (oy >= p.outH) { continue; }
    for (var kx = 0u; kx < p.kW; kx++) {
      let xNum = ix + p.padLeft - i32(kx);
      if (xNum < 0 || xNum % i32(p.strideW) != 0) { continue; }
      let ox = u32(xNum) / p.strideW;
      if (ox >= p.outW) { continue; }
      let dyBase = ((n * p.outH + oy) * p.outW + ox) * p.outC;
      let wBase = ((ky * p.kW + kx) * p.inC + ci) * p.filterStride;
      for (var co = 0u; co < p.outC; co++) {
        sum += dOutput[dyBase + co] * weights[wBase + co];
      }
    }
  }
  dInput[t] = sum;
}
