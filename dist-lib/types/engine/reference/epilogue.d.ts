import type { Activation, EpilogueParams } from '../kernels/epilogue';
export declare function activateReference(value: number, activation: Activation | undefined, channel: number): number;
export declare function epilogueReference(value: number, channel: number, params: EpilogueParams, residual?: number): number;
