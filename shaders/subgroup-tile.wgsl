// Shared snippet of the subgroup kernels (matmul-subgroup.wgsl, conv2d-subgroup.wgsl), after
// epilogue-tile.wgsl (MAX_TILE); uses their LANES override and needs their `enable subgroups`.
// A subgroup's tile has one row (or pixel) per lane: row r gains lane r's value `x` times this lane's
// weight or filter vec4 `f`, so each lane gathers `x` once for all the lanes.

fn accumulateShuffled(tile: ptr<function, array<vec4<f32>, MAX_TILE>>, x: f32, f: vec4<f32>) {
  (*tile)[0] += subgroupShuffle(x, 0u) * f;
  (*tile)[1] += subgroupShuffle(x, 1u) * f;
  (*tile)[2] += subgroupShuffle(x, 2u) * f;
  (*tile)[3] += subgroupShuffle(x, 3u) * f;
  if (LANES == 8u) {
    (*tile)[4] += subgroupShuffle(x, 4u) * f;
    (*tile)[5] += subgroupShuffle(x, 5u) * f;
    (*tile)[6] += subgroupShuffle(x, 6u) * f;
    (*tile)[7] += subgroupShuffle(x, 7u) * f;
  }
}
