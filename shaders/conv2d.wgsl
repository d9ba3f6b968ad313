// conv2d: 2-D convolution with a fused epilogue. The host adds conv2d-common.wgsl (uniforms, bindings,
// window geometry), activation.wgsl, epilogue-lanes.wgsl and epilogue-tile.wgsl.
//
// Layout: input NHWC f32 [N,H,W,Cin]; filter HWIO [kH,kW,Cin,Cout4*4] as vec4 over output channels,
//         Cout zero-padded to a multiple of 4; output NHWC [N,outH,outW,Cout].
// Epilogue per output channel c: y = (acc + bias[c]) * scale[c] + shift[c]; y += residual (if any);
//         y = activation(y, alpha[c]).  (scale/shift carry a folded batch-norm.)
// Padding: the host computes padTop/padLeft (TF-SAME puts the extra row/column at bottom/right, VALID
//         is 0) and the output size; taps that fall outside the input read zero.
// Bindings: 0 input, 1 weights (the filter), 2 channelParams ([4][Cout4] vec4: bias, scale, shift, alpha),
//           3 residual (NHWC like output; read only when HAS_RESIDUAL), 4 output, 5 uniforms.
// Uniforms: input/output sizes, filter size, strides, top/left padding; activation (activation.wgsl);
//           tilePixels = 4, the pixels of a thread's tile (a uniform only so that the epilogue stays a loop:
//           see epilogue-tile.wgsl).
// Grid: x = output-channel group of 4, y = group of 4 consecutive output pixels (over N*outH*outW).
//       Each thread accumulates a 4 pixel x 4 channel tile, so every filter vec4 feeds 4 pixels.
// Overrides: WG_X * WG_Y threads per workgroup; HAS_RESIDUAL (see matmul.wgsl for why not a uniform).

override WG_X: u32 = 8u;
override WG_Y: u32 = 8u;
override HAS_RESIDUAL: bool = false;

@compute @workgroup_size(WG_X, WG_Y)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let co4 = gid.x;
  if (co4 >= p.outC4) { return; }
  let firstPixel = gid.y * 4u;
  if (firstPixel >= p.pixels) { return; }
  let o0 = originOf(firstPixel);
  let o1 = originOf(firstPixel + 1u);
  let o2 = originOf(firstPixel + 2u);
  let o3 = originOf(firstPixel + 3u);
  var acc0 = vec4<f32>(0.0);
  var acc1 = vec4<f32>(0.0);
  var acc2 = vec4<f32>(0.0);
  var acc3 = vec4<f32>(0.0);
  for (var ky = 0u; ky < p.kH; ky++) {
    for (var kx = 0u; kx < p.kW; kx++) {
      // Taps in the padding read offset 0 and are multiplied by 0: no branch in the channel loop (a
      // branch per load cost ~14% on lavapipe at the ResNet's shapes).
      let t0 = tapOffset(o0, ky, kx);
      let t1 = tapOffset(o1, ky, kx);
      let t2 = tapOffset(o2, ky, kx);
      let t3 = tapOffset(o3, ky, kx);
      let inside = vec4<f32>(vec4<bool>(t0 >= 0, t1 >= 0, t2 >= 0, t3 >= 0));
      let b0 = u32(max(t0, 0));
      let b1 = u32(max(t1, 0));
      let b2 = u32(max(t2, 0));
      let b3 = u32(max(t3, 0));
      var w = ((ky * p.kW + kx) * p.inC) * p.outC4 + co4;
      for (var c = 0u; c < p.inC; c++) {
        let f = weights[w];
        acc0 += (input[b0 + c] * inside.x) * f;
        acc1 += (input[b1 + c] * inside.y) * f;
        acc2 += (input[b2 + c] * inside.z) * f;
        acc3 += (input[b3 + c] * inside.w) * f;
        w += p.outC4;
      }
    }
  }
  let zero = vec4<f32>(0.0);
  let tile = array<vec4<f32>, MAX_TILE>(acc0, acc1, acc2, acc3, zero, zero, zero, zero);
  storeTile(tile, firstPixel, p.tilePixels, p.pixels, co4, p.outC4, p.outC, p.activation);
}
