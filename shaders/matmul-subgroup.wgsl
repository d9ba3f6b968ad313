// matmul-subgroup: the same product and epilogue as matmul.wgsl ([M,K] x [K,N], fused epilogue; also the
// 1×1 convolutions), for CPU adapters whose subgroups have a fixed width of 8 (lavapipe) or 4
// (SwiftShader, Chrome's WebGPU without a GPU). The host puts matmul-common.wgsl, activation.wgsl,
// epilogue-lanes.wgsl, epilogue-tile.wgsl and subgroup-tile.wgsl after this file (the `enable` must
// come first; WGSL lets a function be used before it is declared).
//
// Why a second kernel: on a CPU, every storage load whose address differs across lanes is a gather, one
// per vector component, and matmul.wgsl's 4-row x 4-column tile spends 32 of them on 64 multiply-adds per
// 4 k's; gathers, not arithmetic, set its speed on lavapipe. Here the LANES lanes of a subgroup compute
// LANES rows x LANES column groups: lane i gathers input row i once (4 gathers) and hands it to the others
// with subgroupShuffle (a register permute on a CPU); with 8 lanes each 4 k's cost 20 gathers for 128
// multiply-adds. It gives the same result as matmul.wgsl bit for bit (the same sums in the same order).
//
// Layout: as matmul.wgsl: input f32 [M,K] as vec4 (rows start on a vec4 when ALIGNED), weights [K, N4*4]
//         as vec4 over output columns, output f32 [M,N].
// Bindings: 0 input, 1 weights, 2 channelParams ([4][N4] vec4: bias, scale, shift, alpha), 3 residual
//           (read only when HAS_RESIDUAL), 4 output, 5 uniforms.
// Uniforms: m, k, n, n4; activation (activation.wgsl); tileRows = LANES (a uniform only so that the
//           epilogue stays a loop, see epilogue-tile.wgsl).
// Grid: one workgroup = one subgroup of LANES lanes (so the lanes that share rows are one subgroup by
//       construction, whatever order a driver gives invocations); x = LANES column groups of 4, one per
//       lane; y = LANES rows.
// Overrides: LANES, 8 or 4: the device's subgroup width (a workgroup must lie in one subgroup; the tests
//            also run 4 on an 8-wide device); ALIGNED (K % 4 == 0), HAS_RESIDUAL (see matmul.wgsl).
//            Requires the `subgroups` feature (the host checks it and the width).
enable subgroups;

override LANES: u32 = 8u;
override ALIGNED: bool = true;
override HAS_RESIDUAL: bool = false;

// Row `firstRow + r` of this lane's column group gains a.x * b0 + ... (one k per component of a).
fn fma4(acc: vec4<f32>, a: vec4<f32>, b0: vec4<f32>, b1: vec4<f32>, b2: vec4<f32>, b3: vec4<f32>) -> vec4<f32> {
  return acc + (a.x * b0 + a.y * b1 + a.z * b2 + a.w * b3);
}

@compute @workgroup_size(LANES)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(subgroup_invocation_id) lane: u32) {
  // Lanes past the edge compute on clamped indices (every lane must reach each shuffle) and skip the store.
  let column = group.x * LANES + lane;
  let col4 = min(column, p.n4 - 1u);
  let firstRow = group.y * LANES;
  let ownRowBase = min(firstRow + lane, p.m - 1u) * p.k;
  var tile: array<vec4<f32>, MAX_TILE>;
  let k4s = p.k / 4u;
  var w = col4;
  for (var k4 = 0u; k4 < k4s; k4++) {
    let own = loadRow4(ownRowBase, k4);
    let b0 = weights[w];
    let b1 = weights[w + p.n4];
    let b2 = weights[w + 2u * p.n4];
    let b3 = weights[w + 3u * p.n4];
    tile[0] = fma4(tile[0], subgroupShuffle(own, 0u), b0, b1, b2, b3);
    tile[1] = fma4(tile[1], subgroupShuffle(own, 1u), b0, b1, b2, b3);
    tile[2] = fma4(tile[2], subgroupShuffle(own, 2u), b0, b1, b2, b3);
    tile[3] = fma4(tile[3], subgroupShuffle(own, 3u), b0, b1, b2, b3);
    if (LANES == 8u) {
      tile[4] = fma4(tile[4], subgroupShuffle(own, 4u), b0, b1, b2, b3);
      tile[5] = fma4(tile[5], subgroupShuffle(own, 5u), b0, b1, b2, b3);
      tile[6] = fma4(tile[6], subgroupShuffle(own, 6u), b0, b1, b2, b3);
      tile[7] = fma4(tile[7], subgroupShuffle(own, 7u), b0, b1, b2, b3);
    }
    w += 4u * p.n4;
  }
  // The last K % 4 columns, one k at a time (none when ALIGNED: the override drops the loop).
  if (!ALIGNED) {
    for (var k = k4s * 4u; k < p.k; k++) {
      accumulateShuffled(&tile, element(ownRowBase + k), weights[k * p.n4 + col4]);
    }
  }
  storeTile(tile, firstRow, p.tileRows, p.m, column, p.n4, p.n, p.activation);
}
