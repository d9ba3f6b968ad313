// What every stage is: one network's uploaded weights, its runs (one per batch size, built on first
// use with their activations and readbacks), and the shared prepared-input cache. A run is one command
// encoder — input preparation, the network, the copies of its outputs — one submit and one map.
import type { GpuContext } from '../gpu-context';
import { encodeDispatches, submit, type Dispatch } from '../kernels/dispatch';
import type { UploadedNetwork } from '../networks/network';
import { destroyRun, type NetRun } from '../nets/net-builder';
import { Readback } from '../readback';
import type { InputSlot, PreparedInputs } from './prepared-inputs';

interface BuiltRun {
  readonly run: NetRun;
  /** One per network output. */
  readonly readbacks: readonly Readback[];
}

/** Batch sizes that get their own run: 1, 2, 4, 8, 16, 32. */
export function batchSizeFor(count: number): number {
  let batch = 1;
  while (batch < count) batch *= 2;
  return batch;
}

export class NetworkStage<Network extends UploadedNetwork> {
  private readonly runs = new Map<number, BuiltRun>();

  constructor(
    protected readonly context: GpuContext,
    readonly label: string,
    protected readonly network: Network,
    protected readonly inputs: PreparedInputs,
  ) {}

  /** Input `slot` of the run for `batch` (built if needed). */
  protected slot(batch: number, slot: number): InputSlot {
    return { input: this.at(batch).run.input, slot, label: `${this.label}×${batch}[${slot}]` };
  }

  /** Runs `prepare` (which writes the input) then the network, and returns every output. */
  protected async execute(batch: number, prepare: readonly Dispatch[]): Promise<Float32Array[]> {
    const { run, readbacks } = this.at(batch);
    const encoder = this.context.device.createCommandEncoder({ label: `${this.label}×${batch}` });
    encodeDispatches(encoder, [...prepare, ...run.dispatches], run.label);
    for (const readback of readbacks) readback.record(encoder);
    this.context.device.queue.submit([encoder.finish()]);
    return Promise.all(readbacks.map((readback) => readback.read()));
  }

  /**
   * Calls `run` on `items` in chunks of at most `perBatch`, each with the batch size its run has
   * (batchSizeFor), and concatenates the results.
   */
  protected async inBatches<Item, Result>(
    items: readonly Item[],
    perBatch: number,
    run: (chunk: readonly Item[], batch: number) => Promise<Result[]>,
  ): Promise<Result[]> {
    const results: Result[] = [];
    for (let start = 0; start < items.length; start += perBatch) {
      const chunk = items.slice(start, start + perBatch);
      results.push(...(await run(chunk, batchSizeFor(chunk.length))));
    }
    return results;
  }

  /**
   * Queues one workgroup of every dispatch of the run for `batch` (built if needed) and returns at once.
   * The GPU then does its first-use work for this network while the CPU goes on with other work: a
   * driver compiles or loads each pipeline on its first dispatch (lavapipe: from its disk cache on a
   * returning visit), and WebGPU zero-fills each buffer before its first use. The partial results are
   * overwritten by the first real run, which writes every activation before reading it.
   */
  prime(batch = 1): void {
    const { run } = this.at(batch);
    submit(
      this.context,
      run.dispatches.map((dispatch) => ({ ...dispatch, workgroups: [1, 1, 1] as const })),
      `${this.label}×${batch} prime`,
    );
  }

  destroy(): void {
    for (const built of this.runs.values()) {
      destroyRun(built.run);
      for (const readback of built.readbacks) readback.destroy();
    }
    this.runs.clear();
    this.network.destroy();
  }

  private at(batch: number): BuiltRun {
    let built = this.runs.get(batch);
    if (!built) {
      const run = this.network.buildRun(batch);
      const readbacks = run.outputs.map(
        (output, i) => new Readback(this.context, output, `${this.label}×${batch}.out${i}`),
      );
      built = { run, readbacks };
      this.runs.set(batch, built);
    }
    return built;
  }
}
