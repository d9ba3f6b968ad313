// Output size and leading padding of a sliding window (convolution, pooling), TensorFlow semantics.
export type Padding = 'same' | 'valid' | { top: number; bottom: number; left: number; right: number };

export interface WindowGeometry {
  outH: number;
  outW: number;
  padTop: number;
  padLeft: number;
}

function axis(size: number, kernel: number, stride: number, padding: Padding, lead: 'top' | 'left') {
  if (padding === 'same') {
    const out = Math.ceil(size / stride);
    const total = Math.max((out - 1) * stride + kernel - size, 0);
    // TF-SAME: the odd extra pixel goes at the bottom/right.
    return { out, pad: Math.floor(total / 2) };
  }
  if (padding === 'valid') {
    return { out: Math.ceil((size - kernel + 1) / stride), pad: 0 };
  }
  const before = lead === 'top' ? padding.top : padding.left;
  const after = lead === 'top' ? padding.bottom : padding.right;
  return { out: Math.floor((size + before + after - kernel) / stride) + 1, pad: before };
}

export function windowGeometry(
  inH: number,
  inW: number,
  kH: number,
  kW: number,
  strideH: number,
  strideW: number,
  padding: Padding,
): WindowGeometry {
  const h = axis(inH, kH, strideH, padding, 'top');
  const w = axis(inW, kW, strideW, padding, 'left');
  if (h.out <= 0 || w.out <= 0) {
    throw new Error(`window ${kH}x${kW} stride ${strideH} does not fit a ${inH}x${inW} input`);
  }
  return { outH: h.out, outW: w.out, padTop: h.pad, padLeft: w.pad };
}
