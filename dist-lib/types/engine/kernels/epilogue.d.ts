import type { GpuContext } from '../gpu-context';
export type Activation = {
    kind: 'none';
} | {
    kind: 'relu';
} | {
    kind: 'relu6';
} | {
    kind: 'leaky';
    alpha: number;
} | {
    kind: 'prelu';
    alpha: Float32Array;
};
export declare const NO_ACTIVATION: Activation;
export interface EpilogueParams {
    bias?: Float32Array;
    scale?: Float32Array;
    shift?: Float32Array;
    activation?: Activation;
}
/** activation.wgsl's activation code (a uniform of each kernel that fuses one). */
export declare function activationCode(activation?: Activation): number;
export declare const roundUp4: (n: number) => number;
export declare function packChannelParams(channels: number, params: EpilogueParams): Float32Array;
export declare function uploadChannelParams(context: GpuContext, channels: number, params: EpilogueParams, label: string): GPUBuffer;
