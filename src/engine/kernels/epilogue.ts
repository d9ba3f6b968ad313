// The fused epilogue shared by conv2d, depthwise-conv2d and matmul: bias, per-channel affine
// (folded batch-norm), optional residual add, activation. Packed for the GPU as one buffer of four
// rows [bias, scale, shift, alpha], each padded to a multiple of 4 channels (vec4 reads).
import type { GpuContext } from '../gpu-context';
import { uploadBuffer } from '../tensor';

export type Activation =
  | { kind: 'none' }
  | { kind: 'relu' }
  | { kind: 'relu6' }
  | { kind: 'leaky'; alpha: number }
  | { kind: 'prelu'; alpha: Float32Array };

export const NO_ACTIVATION: Activation = { kind: 'none' };

export interface EpilogueParams {
  bias?: Float32Array;
  scale?: Float32Array;
  shift?: Float32Array;
  activation?: Activation;
}

/** activation.wgsl's activation code (a uniform of each kernel that fuses one). */
export function activationCode(activation: Activation = NO_ACTIVATION): number {
  switch (activation.kind) {
    case 'none':
      return 0;
    case 'relu':
      return 1;
    case 'relu6':
      return 2;
    case 'leaky':
    case 'prelu':
      return 3;
  }
}

export const roundUp4 = (n: number): number => Math.ceil(n / 4) * 4;

export function packChannelParams(channels: number, params: EpilogueParams): Float32Array {
  const stride = roundUp4(channels);
  const packed = new Float32Array(4 * stride);
  const rows: [Float32Array | undefined, number][] = [
    [params.bias, 0],
    [params.scale, 1],
    [params.shift, 0],
  ];
  rows.forEach(([values, fallback], row) => {
    if (values && values.length !== channels) {
      throw new Error(`epilogue: ${values.length} values for ${channels} channels`);
    }
    for (let c = 0; c < channels; c++) packed[row * stride + c] = values ? values[c] : fallback;
  });
  const activation = params.activation ?? NO_ACTIVATION;
  for (let c = 0; c < channels; c++) {
    packed[3 * stride + c] =
      activation.kind === 'leaky' ? activation.alpha : activation.kind === 'prelu' ? activation.alpha[c] : 0;
  }
  if (activation.kind === 'prelu' && activation.alpha.length !== channels) {
    throw new Error(`epilogue: PReLU has ${activation.alpha.length} alphas for ${channels} channels`);
  }
  return packed;
}

export function uploadChannelParams(context: GpuContext, channels: number, params: EpilogueParams, label: string) {
  return uploadBuffer(context, packChannelParams(channels, params), `${label}.channelParams`);
}
