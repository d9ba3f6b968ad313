// pool-backward: the gradient of pool.wgsl (max or average pooling, TensorFlow SAME/VALID windows) with
// respect to its input. Max: each window's gradient goes to its argmax, the first position (row by row)
// holding the window's maximum, as the forward pass scans it; average: each window's gradient is shared
// equally by the positions inside the input (the forward pass's count).
//
// Layout: input NHWC f32 [N,H,W,C] (the forward input; read by max only); dOutput NHWC [N,outH,outW,C];
//         dInput NHWC [N,H,W,C].
// Padding: padTop/padLeft as the forward pass used them (windowGeometry).
// Bindings: 0 input, 1 dOutput, 2 dInput (written, not accumulated), 3 uniforms.
// Grid: one thread per dInput element, channel fastest, laid out by grid.ts; it gathers from every window
//       that covers it (no atomics: overlapping windows need none).
// Overrides: WG threads per workgroup; IS_MAX (true: max pool, false: average pool).

struct Params {
  inH: u32, inW: u32, channels: u32, outH: u32,
  outW: u32, threads: u32, kH: u32, kW: u32,
  strideH: u32, strideW: u32, padTop: i32, padLeft: i32,
}

@group(0) @binding(0) var<storage, read> input: array<f32>;
@group(0) @binding(1) var<storage, read> dOutput: array<f32>;
@group(0) @binding(2) var<storage, read_write> dInput: array<f32>;
@group(0) @binding(3) var<uniform> p: Params;

override WG: u32 = 64u;
override IS_MAX: bool = true;

// The window of output (oy,ox) clipped to the input: [yBegin,yEnd) x [xBegin,xEnd).
struct Window { yBegin: u32, yEnd: u32, xBegin: u32, xEnd: u32 }

fn windowOf(oy: u32, ox: u32) -> Window {
  let y0 = i32(oy * p.strideH) - p.padTop;
  let x0 = i32(ox * p.strideW) - p.padLeft;
  return Window(u32(max(y0, 0)), u32(clamp(y0 + i32(p.kH), 0, i32(p.inH))),
                u32(max(x0, 0)), u32(clamp(x0 + i32(p.kW), 0, i32(p.inW))));
}

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let t = gid.y * groups.x * WG + gid.x;
  if (t >= p.threads) { return; }
  let c = t % p.channels;
  let pixel = t / p.channels;
  let ix = i32(pixel % p.inW);
  let iy = i32((pixel / p.inW) % p.inH);
  let n = pixel / (p.inW * p.inH);
  // Outputs whose window covers (iy,ix): oy*strideH - padTop <= iy <= oy*strideH - padTop + kH - 1.
  let oyFirst = u32(max(iy + p.padTop - i32(p.kH) + i32(p.strideH), 0)) / p.strideH;
  let oyLast = min(u32(max(iy + p.padTop, 0)) / p.strideH, p.outH - 1u);
  let oxFirst = u32(max(ix + p.padLeft - i32(p.kW) + i32(p.strideW), 0)) / p.strideW;
  let oxLast = min(u32(max(ix + p.padLeft, 0)) / p.strideW, p.outW - 1u);
  var sum = 0.0;
  for (var oy = oyFirst; oy <= oyLast; oy++) {
    for (var ox = oxFirst; ox <= oxLast; ox++) {
      let w = windowOf(oy, ox);
      if (i32(w.yBegin) > iy || i32(w.yEnd) <= iy || i32(w.xBegin) > ix || i32(w.xEnd) <= ix) { continue; }
      let dy = dOutput[((n * p.outH + oy) * p.outW + ox) * p.channels + c];
      if (IS_MAX) {
        var best = 0.0;
        var bestY = 0u;
        var bestX = 0u;
        var first = true;
        for (var y = w.yBegin; y < w.yEnd; y++) {
          for (var x = w.xBegin; x < w.xEnd; x++) {
            let v = input[((n * p.inH + y) * p.inW + x) * p.channels + c];
            if (first || v > best) { best = v; bestY = y; bestX = x; first = false; }
          }
        }
        if (bestY == u32(iy) && bestX == u32(ix)) { sum += dy; }
      } else {
        sum += dy / f32((w.yEnd - w.yBegin) * (w.xEnd - w.xBegin));
      }
    }
  }
  dInput[t] = sum;
}
