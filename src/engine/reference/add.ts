// Plain-TS oracle for shaders/add.wgsl: f32 a + b (rounded like the GPU), then the activation.
import type { ElementwiseActivation } from '../kernels/add';

export function addReference(a: Float32Array, b: Float32Array, activation?: ElementwiseActivation): Float32Array {
  if (a.length !== b.length) throw new Error(`addReference: ${a.length} + ${b.length} values`);
  const out = new Float32Array(a.length);
  const alpha = activation?.kind === 'leaky' ? Math.fround(activation.alpha) : 0;
  for (let i = 0; i < a.length; i++) {
    const sum = Math.fround(a[i]! + b[i]!);
    switch (activation?.kind ?? 'none') {
      case 'relu':
        out[i] = Math.max(0, sum);
        break;
      case 'relu6':
        out[i] = Math.min(6, Math.max(0, sum));
        break;
      case 'leaky':
        out[i] = sum >= 0 ? sum : Math.fround(alpha * sum);
        break;
      default:
        out[i] = sum;
    }
  }
  return out;
}
