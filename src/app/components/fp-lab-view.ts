import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { unsafeSVG } from 'lit/directives/unsafe-svg.js';
import { GpuContext } from '../../engine/gpu-context';
import { decodeChipSet, type ChipSet } from '../../engine/training/chip-set';
import {
  DEFAULT_EXPERIMENT,
  experimentData,
  runTraining,
  type EpochReport,
  type ExperimentOptions,
  type RunName,
} from '../../engine/training/experiment';
import { curvesSvg, scatterSvg } from '../../engine/training/plots';
import type { LossRecord } from '../../engine/training/trainer';
import { describeEngineError } from '../messages';
import { sharedStyles } from '../styles/shared';

/** The small chip set shipped for the Lab (tools/train-chips.ts --lab-out). */
const CHIPS_URL = 'lab/lfw-chips-64.bin';
const RUNS: readonly RunName[] = ['softmax', 'softmax+center'];
const RUN_TITLES: Record<RunName, string> = { softmax: 'Softmax only', 'softmax+center': 'Softmax + center loss' };

interface RunProgress {
  losses: LossRecord[];
  last: EpochReport | null;
}

/**
 * The Lab: trains the experiment's small face CNN live on this device's GPU, twice (softmax alone, then
 * softmax + center loss, from the same start), on a few hundred aligned LFW face chips, and draws the
 * loss curves and the test faces' 2-D features as it goes. Nothing here touches enrolled people.
 */
@customElement('fp-lab-view')
export class FpLabView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .card {
        margin-bottom: 1rem;
      }
      .controls {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 1rem;
      }
      label {
        display: grid;
        gap: 0.25rem;
        font-size: 0.9rem;
      }
      input[type='number'] {
        width: 6rem;
      }
      progress {
        width: 100%;
      }
      .plots {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem;
      }
      .plot svg {
        max-width: 100%;
        height: auto;
      }
      table {
        border-collapse: collapse;
      }
      td,
      th {
        padding: 0.25rem 0.75rem;
        text-align: left;
        font-variant-numeric: tabular-nums;
      }
      .note {
        color: var(--fp-muted);
        font-size: 0.85rem;
      }
    `,
  ];

  @state() private epochs = 6;
  @state() private lambda = DEFAULT_EXPERIMENT.centerLoss.lambda;
  @state() private running = false;
  @state() private status = '';
  @state() private error = '';
  @state() private progress = 0;
  @state() private runs: Record<RunName, RunProgress> = {
    softmax: { losses: [], last: null },
    'softmax+center': { losses: [], last: null },
  };
  @state() private chipSet: ChipSet | null = null;
  private stopRequested = false;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopRequested = true;
  }

  private async loadChips(): Promise<ChipSet> {
    if (this.chipSet) return this.chipSet;
    const response = await fetch(CHIPS_URL);
    if (!response.ok) throw new Error(`The training pictures could not be loaded (${response.status}).`);
    this.chipSet = decodeChipSet(new Uint8Array(await response.arrayBuffer()));
    return this.chipSet;
  }

  private async start(): Promise<void> {
    this.running = true;
    this.stopRequested = false;
    this.error = '';
    this.progress = 0;
    this.runs = { softmax: { losses: [], last: null }, 'softmax+center': { losses: [], last: null } };
    let context: GpuContext | undefined;
    try {
      this.status = 'Loading the training pictures…';
      const set = await this.loadChips();
      context = await GpuContext.create();
      // A CPU adapter trains 64×64 inputs too slowly to watch; it gets the same network on 32×32.
      const inputSize = context.software ? 32 : 64;
      const options: ExperimentOptions = {
        ...DEFAULT_EXPERIMENT,
        epochs: this.epochs,
        inputSize,
        trainer: { ...DEFAULT_EXPERIMENT.trainer, lossEvery: 1 },
        centerLoss: { ...DEFAULT_EXPERIMENT.centerLoss, lambda: this.lambda },
      };
      const data = experimentData(set, inputSize);
      const total = RUNS.length * options.epochs;
      for (const [index, run] of RUNS.entries()) {
        if (this.stopRequested) break;
        this.status = `${RUN_TITLES[run]}: training on ${data.train.labels.length} faces of ${set.classes.length} people (${inputSize}×${inputSize})…`;
        await runTraining(
          context,
          data,
          run,
          options,
          (report) => {
            this.runs = { ...this.runs, [run]: { losses: [...this.runs[run].losses, ...report.losses], last: report } };
            this.progress = (index * options.epochs + report.epoch + 1) / total;
            this.status = `${RUN_TITLES[run]}: epoch ${report.epoch + 1} of ${options.epochs}`;
          },
          () => this.stopRequested,
        );
      }
      this.status = this.stopRequested ? 'Stopped.' : 'Done.';
    } catch (error) {
      // WebGPU missing or lost gets the app's explanation; data and other errors their own message.
      const problem = describeEngineError(error);
      this.error =
        problem.kind === 'unexpected'
          ? error instanceof Error
            ? error.message
            : String(error)
          : `${problem.title}. ${problem.message}`;
      this.status = '';
    } finally {
      context?.dispose();
      this.running = false;
    }
  }

  private stop(): void {
    this.stopRequested = true;
  }

  private renderSummary() {
    const rows = RUNS.map((run) => {
      const { losses, last } = this.runs[run];
      const total = (l: LossRecord) => l.softmax + l.center;
      return html`<tr data-run=${run}>
        <th scope="row">${RUN_TITLES[run]}</th>
        <td class="first-loss">${losses.length ? total(losses[0]!).toFixed(4) : '–'}</td>
        <td class="last-loss">${losses.length ? total(losses[losses.length - 1]!).toFixed(4) : '–'}</td>
        <td class="accuracy">${last ? `${(100 * last.test.accuracy).toFixed(1)}%` : '–'}</td>
      </tr>`;
    });
    return html`<table>
      <thead>
        <tr>
          <th></th>
          <th>first loss</th>
          <th>latest loss</th>
          <th>test accuracy</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>`;
  }

  override render() {
    const set = this.chipSet;
    const names = set?.classes ?? [];
    const testLabels = set ? set.chips.filter((c) => c.test).map((c) => c.label) : [];
    const curves = curvesSvg('Training loss per step', [
      {
        name: 'softmax only',
        colour: '#4e79a7',
        points: this.runs.softmax.losses.map((l, i) => [i + 1, l.softmax] as const),
      },
      {
        name: 'with center: total',
        colour: '#f28e2b',
        points: this.runs['softmax+center'].losses.map((l, i) => [i + 1, l.softmax + l.center] as const),
      },
    ]);
    return html`
      <section class="card">
        <h2>Lab: watch a face network learn</h2>
        <p>
          This trains a small convolutional network from scratch, on this device's GPU, to tell ${names.length || 'ten'}
          people apart. Its last hidden layer has only two numbers, so every face can be drawn as a point. It trains
          twice from the same start: with the usual softmax loss, then with center loss added, which pulls each person's
          points together.
        </p>
        <div class="controls">
          <label
            >Epochs per run
            <input
              type="number"
              min="1"
              max="50"
              .value=${String(this.epochs)}
              ?disabled=${this.running}
              @change=${(e: Event) => (this.epochs = Math.max(1, Math.min(50, Number((e.target as HTMLInputElement).value) || 1)))}
          /></label>
          <label
            >Center loss weight λ
            <input
              type="number"
              min="0"
              step="0.01"
              .value=${String(this.lambda)}
              ?disabled=${this.running}
              @change=${(e: Event) => (this.lambda = Math.max(0, Number((e.target as HTMLInputElement).value) || 0))}
          /></label>
          ${
            this.running
              ? html`<button @click=${this.stop}>Stop</button>`
              : html`<button class="primary" @click=${() => void this.start()}>Start training</button>`
          }
        </div>
        <p role="status" aria-live="polite">${this.status}</p>
        ${this.running || this.progress > 0 ? html`<progress max="1" .value=${this.progress}></progress>` : nothing}
        ${this.error ? html`<p role="alert">${this.error}</p>` : nothing} ${this.renderSummary()}
      </section>
      <section class="card plot">${unsafeSVG(curves)}</section>
      <section class="card plots">
        ${RUNS.map((run) => {
          const last = this.runs[run].last;
          return html`<div class="plot" data-scatter=${run}>
            ${last ? unsafeSVG(scatterSvg(`${RUN_TITLES[run]}: test faces after epoch ${last.epoch + 1}`, last.test.features, testLabels, names)) : html`<p>${RUN_TITLES[run]}: not trained yet.</p>`}
          </div>`;
        })}
      </section>
      <p class="note">
        The pictures are ${set ? set.chips.length : 'a few hundred'} aligned face crops from Labeled Faces in the Wild
        (University of Massachusetts Amherst, for research use), cut out by this app's own face detector and landmarks.
        They ship with the app; nothing is uploaded, and your enrolled faces are not used.
      </p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fp-lab-view': FpLabView;
  }
}
