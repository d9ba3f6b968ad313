// Plain-TS oracle for the fused epilogue: y = act((x + bias) * scale + shift + residual).
import type { Activation, EpilogueParams } from '../kernels/epilogue';

export function activateReference(value: number, activation: Activation | undefined, channel: number): number {
  switch (activation?.kind ?? 'none') {
    case 'relu':
      return Math.max(0, value);
    case 'relu6':
      return Math.min(6, Math.max(0, value));
    case 'leaky':
      return value >= 0 ? value : (activation as { alpha: number }).alpha * value;
    case 'prelu':
      return value >= 0 ? value : (activation as { alpha: Float32Array }).alpha[channel]! * value;
    default:
      return value;
  }
}

export function epilogueReference(value: number, channel: number, params: EpilogueParams, residual = 0): number {
  const biased = value + (params.bias?.[channel] ?? 0);
  const affine = biased * (params.scale?.[channel] ?? 1) + (params.shift?.[channel] ?? 0);
  return activateReference(Math.fround(affine + residual), params.activation, channel);
}
