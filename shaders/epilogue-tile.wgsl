// Shared snippet: the epilogue of a thread's tile, several outputs of one output-channel group, for
// conv2d, matmul and their subgroup kernels. Prepended with activation.wgsl and epilogue-lanes.wgsl; uses
// the kernel's `channelParams` binding ([4][groups4] vec4: bias, scale, shift, alpha) and its
// HAS_RESIDUAL override.
// The tile holds `count` outputs (rows of a product, pixels of a convolution) first, first + 1, ...;
// those at or past `limit` are not stored, nor is a channel group at or past `groups4`. Output i's
// channels start at float (first + i) * channels + group4 * 4.
// A loop whose bound is a uniform (`count`), which no compiler unrolls: inlined copies of the epilogue
// would make each pipeline take about twice as long to compile on a CPU driver, for no gain at run
// time. The channel parameters are read once.

/** The most outputs a tile holds; kernels with smaller tiles leave the rest zero. */
const MAX_TILE: u32 = 8u;

fn storeTile(tile: array<vec4<f32>, MAX_TILE>, first: u32, count: u32, limit: u32, group4: u32, groups4: u32,
             channels: u32, activation: u32) {
  if (group4 >= groups4) { return; }
  let bias = channelParams[group4];
  let scale = channelParams[groups4 + group4];
  let shift = channelParams[2u * groups4 + group4];
  let alpha = channelParams[3u * groups4 + group4];
  let lanes = min(4u, channels - group4 * 4u);
  for (var i = 0u; i < count; i++) {
    let index = first + i;
    if (index >= limit) { return; }
    var y = (tile[i] + bias) * scale + shift;
    let base = index * channels + group4 * 4u;
    if (HAS_RESIDUAL) { y += residualLanes(base, lanes); }
    storeLanes(base, lanes, activate4(y, alpha, activation));
  }
}
