// Plain-TS oracle for shaders/pad.wgsl: copy into a zero-filled, larger NHWC tensor.
import { padOutputShape, type PadAmounts } from '../kernels/pad';
import type { Shape } from '../tensor';

export function padReference(
  input: Float32Array,
  shape: Shape,
  pad: PadAmounts,
): { data: Float32Array; shape: number[] } {
  const [n, h, w, c] = shape as [number, number, number, number];
  const outShape = [...padOutputShape(shape, pad)];
  const [, outH, outW, outC] = outShape as [number, number, number, number];
  const top = pad.top ?? 0;
  const left = pad.left ?? 0;
  const out = new Float32Array(outShape.reduce((a, b) => a * b, 1));
  for (let b = 0; b < n; b++) {
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const from = ((b * h + y) * w + x) * c;
        out.set(input.subarray(from, from + c), ((b * outH + y + top) * outW + x + left) * outC);
      }
    }
  }
  return { data: out, shape: outShape };
}
