// conv2d-subgroup: the same convolution and epilogue as conv2d.wgsl, for CPU adapters whose subgroups have
// a fixed width of 8 or 4 (lavapipe, SwiftShader); the subgroup counterpart of conv2d.wgsl as
// matmul-subgroup.wgsl is of matmul.wgsl (see there why: on a CPU every per-lane load is a gather). The
// host puts conv2d-common.wgsl, activation.wgsl, epilogue-lanes.wgsl, epilogue-tile.wgsl and
// subgroup-tile.wgsl after this file (the `enable` must come first).
//
// Layout, bindings, padding and epilogue: as conv2d.wgsl.
// Uniforms: as conv2d.wgsl, with tilePixels = LANES.
// Grid: one workgroup = one subgroup of LANES lanes; x = LANES output-channel groups of 4, one per lane;
//       y = LANES consecutive output pixels. Lane i reads pixel i's input value for each tap and channel
//       once (one gather) and shuffles it to the other lanes, so one filter vec4 feeds LANES pixels: with
//       8 lanes 5 gathers for 32 multiply-adds, where conv2d.wgsl's 4-pixel tile spends 8 on 16.
// Overrides: LANES, 8 or 4 (see matmul-subgroup.wgsl); HAS_RESIDUAL (see matmul.wgsl). Requires the
//            `subgroups` feature (the host checks it and the width).
enable subgroups;

override LANES: u32 = 8u;
override HAS_RESIDUAL: bool = false;

@compute @workgroup_size(LANES)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(subgroup_invocation_id) lane: u32) {
  // Lanes past the edge compute on clamped indices (every lane must reach each shuffle) and skip the store.
  let column = group.x * LANES + lane;
  let co4 = min(column, p.outC4 - 1u);
  let firstPixel = group.y * LANES;
  let own = originOf(firstPixel + lane);
  var tile: array<vec4<f32>, MAX_TILE>;
  for (var ky = 0u; ky < p.kH; ky++) {
    for (var kx = 0u; kx < p.kW; kx++) {
      // A tap in the padding reads offset 0 and is multiplied by 0 (no branch in the channel loop).
      let tap = tapOffset(own, ky, kx);
      let inside = f32(tap >= 0);
      let base = u32(max(tap, 0));
      var w = ((ky * p.kW + kx) * p.inC) * p.outC4 + co4;
      for (var c = 0u; c < p.inC; c++) {
        accumulateShuffled(&tile, input[base + c] * inside, weights[w]);
        w += p.outC4;
      }
    }
  }
  storeTile(tile, firstPixel, p.tilePixels, p.pixels, column, p.outC4, p.outC, p.activation);
}
