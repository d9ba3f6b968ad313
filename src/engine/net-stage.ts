// A network ready to run at several batch sizes: each batch size is built once (lazily) with its own
// activations and readback, and every run is one command encoder — input preparation dispatches, the
// network, the copy of the result — one submit and one map.
import type { GpuContext } from './gpu-context';
import { encodeDispatches, submit, type Dispatch } from './kernels/dispatch';
import { destroyRun, type NetRun } from './nets/net-builder';
import { Readback } from './readback';

export interface BuiltRun {
  readonly run: NetRun;
  /** One per network output. */
  readonly readbacks: readonly Readback[];
}

export class NetStage {
  private readonly runs = new Map<number, BuiltRun>();

  constructor(
    private readonly context: GpuContext,
    readonly label: string,
    private readonly build: (batch: number) => NetRun,
  ) {}

  /** The run for `batch`, built on first use. */
  at(batch: number): BuiltRun {
    let built = this.runs.get(batch);
    if (!built) {
      const run = this.build(batch);
      const readbacks = run.outputs.map((output, i) => new Readback(this.context, output, `${this.label}×${batch}.out${i}`));
      built = { run, readbacks };
      this.runs.set(batch, built);
    }
    return built;
  }

  /** Runs `prepare` (writes the input) then the network, and returns every output. */
  async execute(batch: number, prepare: readonly Dispatch[]): Promise<Float32Array[]> {
    const { run, readbacks } = this.at(batch);
    const encoder = this.context.device.createCommandEncoder({ label: `${this.label}×${batch}` });
    encodeDispatches(encoder, [...prepare, ...run.dispatches], run.label);
    for (const readback of readbacks) readback.record(encoder);
    this.context.device.queue.submit([encoder.finish()]);
    return Promise.all(readbacks.map((readback) => readback.read()));
  }

  /**
   * Queues one workgroup of every dispatch of the run for `batch` (built if needed) and returns at once.
   * The GPU then does its first-use work for this network while the CPU goes on loading the others: a
   * driver compiles or loads each pipeline on its first dispatch (lavapipe: from its disk cache on a
   * returning visit), and WebGPU zero-fills each buffer before its first use. The partial results are
   * overwritten by the first real run, which writes every activation before reading it.
   */
  prime(batch: number): void {
    const { run } = this.at(batch);
    submit(this.context, run.dispatches.map((dispatch) => ({ ...dispatch, workgroups: [1, 1, 1] as const })), `${this.label}×${batch} prime`);
  }

  destroy(): void {
    for (const built of this.runs.values()) {
      destroyRun(built.run);
      for (const readback of built.readbacks) readback.destroy();
    }
    this.runs.clear();
  }
}
