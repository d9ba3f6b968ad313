// matmul: fully connected layer, [M,K] x [K,N], with the fused epilogue; also every 1×1, stride-1,
// unpadded convolution (conv2d routes them here: NHWC [N,H,W,Cin] is [N*H*W, Cin] and the HWIO filter
// with kH = kW = 1 is [Cin, Cout]). The host adds matmul-common.wgsl (uniforms, bindings, input reads),
// activation.wgsl, epilogue-lanes.wgsl and epilogue-tile.wgsl.
//
// Layout: input f32 [M,K] row-major (any tensor, flattened; e.g. NHWC [B,1,1,K]), bound as vec4 because
//         every buffer is padded to 16 bytes; weights [K, N4*4] row-major as vec4 over output columns,
//         N zero-padded to a multiple of 4 (the TF [K,N] layout); output f32 [M,N] row-major.
// Epilogue per column c: y = (acc + bias[c]) * scale[c] + shift[c]; y += residual (if any);
//         y = activation(y, alpha[c]).
// Bindings: 0 input, 1 weights, 2 channelParams ([4][N4] vec4: bias, scale, shift, alpha), 3 residual
//           ([M,N] like the output; read only when HAS_RESIDUAL), 4 output, 5 uniforms.
// Uniforms: m, k, n, n4 = ceil(N / 4); activation (activation.wgsl); tileRows = 4, the rows of a thread's
//           tile (a uniform only so that the epilogue stays a loop: see epilogue-tile.wgsl).
// Grid: x = column group of 4, y = group of 4 rows; each thread accumulates a 4 row x 4 column tile,
//       so every weight vec4 feeds 4 rows and every input vec4 feeds 4 columns.
//       z (within a workgroup only) = slice of K: with K_SPLIT > 1 the K_SPLIT threads of one tile take
//       every K_SPLIT-th group of 4 k's and add their partial tiles through workgroup memory. That is for
//       small M (a batch of 1-32 embeddings), where the output tiles alone cannot occupy a GPU.
// Overrides: WG_X * WG_Y * K_SPLIT threads per workgroup; ALIGNED: K % 4 == 0, so every input row starts
//            on a vec4 and is read as vec4s (otherwise element by element); HAS_RESIDUAL (an override,
//            not a uniform: a residual path left in the code slows every convolution without one).
// The 4×4 tile is the shape that ran fastest for the SSD detector's 1×1 convolutions among those tried
// (4×8, 4×16, 8×8, 1×1, and conv2d.wgsl's windowed loop).

override WG_X: u32 = 8u;
override WG_Y: u32 = 8u;
override K_SPLIT: u32 = 1u;
override ALIGNED: bool = true;
override HAS_RESIDUAL: bool = false;

// Partial tiles of the K slices 1..K_SPLIT-1 (slice 0 sums them); one element when K_SPLIT == 1.
var<workgroup> partials: array<array<vec4<f32>, 4>, WG_X * WG_Y * (K_SPLIT - 1u) + 1u>;

@compute @workgroup_size(WG_X, WG_Y, K_SPLIT)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>) {
  // Threads past the edge compute on clamped indices and skip the store: none may leave before the barrier.
  let col4 = min(gid.x, p.n4 - 1u);
  let firstRow = gid.y * 4u;
  let last = p.m - 1u;
  let base0 = min(firstRow, last) * p.k;
  let base1 = min(firstRow + 1u, last) * p.k;
  let base2 = min(firstRow + 2u, last) * p.k;
  let base3 = min(firstRow + 3u, last) * p.k;
  var acc0 = vec4<f32>(0.0);
  var acc1 = vec4<f32>(0.0);
  var acc2 = vec4<f32>(0.0);
  var acc3 = vec4<f32>(0.0);
  let k4s = p.k / 4u;
  let stride = p.n4 * 4u * K_SPLIT;
  var w = lid.z * 4u * p.n4 + col4;
  for (var k4 = lid.z; k4 < k4s; k4 += K_SPLIT) {
    let b0 = weights[w];
    let b1 = weights[w + p.n4];
    let b2 = weights[w + 2u * p.n4];
    let b3 = weights[w + 3u * p.n4];
    let a0 = loadRow4(base0, k4);
    let a1 = loadRow4(base1, k4);
    let a2 = loadRow4(base2, k4);
    let a3 = loadRow4(base3, k4);
    acc0 += a0.x * b0 + a0.y * b1 + a0.z * b2 + a0.w * b3;
    acc1 += a1.x * b0 + a1.y * b1 + a1.z * b2 + a1.w * b3;
    acc2 += a2.x * b0 + a2.y * b1 + a2.z * b2 + a2.w * b3;
    acc3 += a3.x * b0 + a3.y * b1 + a3.z * b2 + a3.w * b3;
    w += stride;
  }
  // The last K % 4 columns, one k at a time (none when ALIGNED: the override drops the loop).
  if (!ALIGNED) {
    for (var k = k4s * 4u + lid.z; k < p.k; k += K_SPLIT) {
      let b = weights[k * p.n4 + col4];
      acc0 += element(base0 + k) * b;
      acc1 += element(base1 + k) * b;
      acc2 += element(base2 + k) * b;
      acc3 += element(base3 + k) * b;
    }
  }
  if (K_SPLIT > 1u) {
    let tile = lid.y * WG_X + lid.x;
    if (lid.z > 0u) {
      partials[(lid.z - 1u) * WG_X * WG_Y + tile] = array<vec4<f32>, 4>(acc0, acc1, acc2, acc3);
    }
    workgroupBarrier();
    if (lid.z > 0u) { return; }
    for (var s = 0u; s + 1u < K_SPLIT; s++) {
      let t = partials[s * WG_X * WG_Y + tile];
      acc0 += t[0];
      acc1 += t[1];
      acc2 += t[2];
      acc3 += t[3];
    }
  }
  let zero = vec4<f32>(0.0);
  let tile = array<vec4<f32>, MAX_TILE>(acc0, acc1, acc2, acc3, zero, zero, zero, zero);
  storeTile(tile, firstRow, p.tileRows, p.m, gid.x, p.n4, p.n, p.activation);
}
