// Plain-TS oracle, in double precision, for shaders/l2-normalize-backward.wgsl.
import { L2_EPSILON } from './l2-normalize';

export function l2NormalizeBackwardReference(x: ArrayLike<number>, dY: ArrayLike<number>, cols: number): Float64Array {
  const dX = new Float64Array(x.length);
  for (let base = 0; base < x.length; base += cols) {
    let sumSq = 0;
    let dot = 0;
    for (let c = 0; c < cols; c++) {
      sumSq += x[base + c]! ** 2;
      dot += x[base + c]! * dY[base + c]!;
    }
    const norm = Math.sqrt(Math.max(sumSq, L2_EPSILON));
    const projection = sumSq > L2_EPSILON ? dot / (norm * norm) : 0;
    for (let c = 0; c < cols; c++) dX[base + c] = (dY[base + c]! - x[base + c]! * projection) / norm;
  }
  return dX;
}
