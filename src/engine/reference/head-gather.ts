// Plain-TS oracle for shaders/head-gather.wgsl: reshape a head [N,H,W,C] to anchor rows and place
// them at rowOffset of an [N,rows,width] tensor (other rows untouched).
import type { HeadGatherOptions } from '../kernels/head-gather';
import type { Shape } from '../tensor';

export function headGatherReference(
  input: Float32Array,
  shape: Shape,
  output: Float32Array,
  rows: number,
  options: Omit<HeadGatherOptions, 'label'>,
): void {
  const [n, h, w, inC] = shape as [number, number, number, number];
  const { anchors, width, channelOffset, rowOffset } = options;
  for (let b = 0; b < n; b++) {
    for (let m = 0; m < h * w; m++) {
      for (let a = 0; a < anchors; a++) {
        for (let k = 0; k < width; k++) {
          output[(b * rows + rowOffset + m * anchors + a) * width + k] =
            input[(b * h * w + m) * inC + channelOffset + a * width + k]!;
        }
      }
    }
  }
}
