// pool: max or average pooling over a kH x kW window, TensorFlow semantics.
//
// Layout: input NHWC f32 [N,H,W,C]; output NHWC [N,outH,outW,C].
// Padding: the host computes padTop/padLeft (TF-SAME puts the odd extra row/column at the
//          bottom/right; VALID is 0) and the output size. Window positions outside the input are
//          skipped: max ignores them, average divides by the number of positions inside the input
//          (TF's AvgPool with SAME padding). SAME and VALID windows always hold one input position.
// Average: sums in window order (row by row), then divides by that count.
// Bindings: 0 input, 1 output, 2 uniforms.
// Grid: one thread per output element, channel fastest; threads = N*outH*outW*C laid out by grid.ts.
// Overrides: WG threads per workgroup; IS_MAX (true: max pool, false: average pool).

struct Params {
  inH: u32, inW: u32, channels: u32, outH: u32,
  outW: u32, threads: u32, kH: u32, kW: u32,
  strideH: u32, strideW: u32, padTop: i32, padLeft: i32,
}

@group(0) @binding(0) var<storage, read> input: array<f32>;
@group(0) @binding(1) var<storage, read_write> output: array<f32>;
@group(0) @binding(2) var<uniform> p: Params;

override WG: u32 = 64u;
override IS_MAX: bool = true;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let t = gid.y * groups.x * WG + gid.x;
  if (t >= p.threads) { return; }
  let c = t % p.channels;
  let pixel = t / p.channels;
  let ox = pixel % p.outW;
  let oy = (pixel / p.outW) % p.outH;
  let n = pixel / (p.outW * p.outH);
  let y0 = i32(oy * p.strideH) - p.padTop;
  let x0 = i32(ox * p.strideW) - p.padLeft;
  // Clip the window to the input once, instead of testing every position.
  let yBegin = u32(max(y0, 0));
  let yEnd = u32(clamp(y0 + i32(p.kH), 0, i32(p.inH)));
  let xBegin = u32(max(x0, 0));
  let xEnd = u32(clamp(x0 + i32(p.kW), 0, i32(p.inW)));

  var result = 0.0;
  var count = 0u;
  for (var iy = yBegin; iy < yEnd; iy++) {
    var index = ((n * p.inH + iy) * p.inW + xBegin) * p.channels + c;
    for (var ix = xBegin; ix < xEnd; ix++) {
      let v = input[index];
      if (IS_MAX) {
        result = select(max(result, v), v, count == 0u);
      } else {
        result += v;
      }
      count++;
      index += p.channels;
    }
  }
  if (!IS_MAX && count > 0u) { result /= f32(count); }
  output[t] = result;
}
