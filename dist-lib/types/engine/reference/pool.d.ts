import type { PoolOptions } from '../kernels/pool';
import type { Shape } from '../tensor';
export declare function poolReference(input: Float32Array, shape: Shape, options: Pick<PoolOptions, 'kind' | 'window' | 'stride' | 'padding'>): {
    data: Float32Array;
    shape: number[];
};
