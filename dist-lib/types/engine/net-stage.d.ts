import type { GpuContext } from './gpu-context';
import { type Dispatch } from './kernels/dispatch';
import { type NetRun } from './nets/net-builder';
import { Readback } from './readback';
export interface BuiltRun {
    readonly run: NetRun;
    /** One per network output. */
    readonly readbacks: readonly Readback[];
}
export declare class NetStage {
    private readonly context;
    readonly label: string;
    private readonly build;
    private readonly runs;
    constructor(context: GpuContext, label: string, build: (batch: number) => NetRun);
    /** The run for `batch`, built on first use. */
    at(batch: number): BuiltRun;
    /** Runs `prepare` (writes the input) then the network, and returns every output. */
    execute(batch: number, prepare: readonly Dispatch[]): Promise<Float32Array[]>;
    /**
     * Queues one workgroup of every dispatch of the run for `batch` (built if needed) and returns at once.
     * The GPU then does its first-use work for this network while the CPU goes on loading the others: a
     * driver compiles or loads each pipeline on its first dispatch (lavapipe: from its disk cache on a
     * returning visit), and WebGPU zero-fills each buffer before its first use. The partial results are
     * overwritten by the first real run, which writes every activation before reading it.
     */
    prime(batch: number): void;
    destroy(): void;
}
