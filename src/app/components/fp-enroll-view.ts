import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { FrameLoopController } from '../controllers/frame-loop-controller';
import type { FaceAnalysis, FaceEmbedding } from '../engine-facade';
import type { EngineState } from '../engine-state';
import { emit } from '../events';
import { checkFrame } from '../frame-check';
import { ENROLL_THRESHOLDS, type QualityReport } from '../logic/quality';
import { estimateSecondsLeft, formatTimeLeft } from '../logic/time-left';
import { describeEngineError, describeStorageError, type Problem } from '../messages';
import { sharedStyles } from '../styles/shared';
import { viewStyles } from '../styles/view';
import { MAX_NAME_LENGTH, type EnrollmentStore, type PersonRecord } from '../../storage';
import type { FpCamera } from './fp-camera';
import './fp-alert';
import './fp-camera';
import './fp-face-overlay';
import './fp-load-progress';
import './fp-quality-checklist';

/** Samples an enrollment needs. */
export const REQUIRED_SAMPLES = 5;
/** Samples are taken at least this far apart, so they differ a little (pose, expression, light). */
const SAMPLE_INTERVAL_MS = 400;

type Phase = 'form' | 'capture' | 'saving' | 'done';

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Enrollment: a name, then REQUIRED_SAMPLES camera frames that pass every quality gate, each turned
 * into an embedding; the samples and their mean are stored under the name. Enrolling an existing
 * name adds samples to it.
 *
 * @fires fp-enrolled - The samples were saved.
 * @fires fp-people-changed - The set of people changed (reason "enrolled").
 */
@customElement('fp-enroll-view')
export class FpEnrollView extends LitElement {
  static override styles = [
    sharedStyles,
    viewStyles,
    css`
      form {
        max-width: 28rem;
      }
      .samples {
        margin-bottom: 1rem;
      }
      .samples .count {
        font-size: 1.125rem;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  /** The face engine, from the shell. */
  @property({ attribute: false }) engine: EngineState = { status: 'loading', progress: null };

  /** Where enrollments are saved. */
  @property({ attribute: false }) store: EnrollmentStore | null = null;

  /** Everyone already enrolled (to tell whether a name is new). */
  @property({ attribute: false }) people: readonly PersonRecord[] = [];

  /** The preferred camera. */
  @property({ attribute: false }) cameraId: string | null = null;

  /** The name to enroll; prefilled when adding samples to someone. */
  @property() name = '';

  @state() private phase: Phase = 'form';
  @state() private samples: FaceEmbedding[] = [];
  @state() private analysis: FaceAnalysis | null = null;
  @state() private quality: QualityReport | null = null;
  @state() private problem: Problem | null = null;
  @state() private cameraProblem: Problem | null = null;
  @state() private saved: PersonRecord | null = null;

  @query('fp-camera') private camera?: FpCamera;

  private lastSampleAt = 0;
  /** When the first frame of this capture was analysed (0: not yet). */
  private captureStartedAt = 0;
  private readonly loop = new FrameLoopController(
    this,
    (isCurrent) => this.step(isCurrent),
    (error) => {
      this.problem = describeEngineError(error);
    },
  );

  private get existing(): PersonRecord | undefined {
    const key = this.name.trim().toLocaleLowerCase();
    return key ? this.people.find((person) => person.nameKey === key) : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('engine') && this.engine.status === 'failed' && this.phase === 'capture') this.cancel();
  }

  private onName(event: Event): void {
    this.name = (event.target as HTMLInputElement).value;
  }

  private onStart(event: Event): void {
    event.preventDefault();
    if (!this.name.trim() || this.engine.status === 'failed') return;
    this.samples = [];
    this.analysis = null;
    this.quality = null;
    this.problem = null;
    this.saved = null;
    this.lastSampleAt = 0;
    this.captureStartedAt = 0;
    this.phase = 'capture';
    this.loop.start();
  }

  private cancel(): void {
    this.loop.stop();
    this.phase = 'form';
    this.samples = [];
    this.analysis = null;
    this.quality = null;
  }

  private restart(): void {
    this.problem = null;
    this.loop.start();
  }

  private async step(isCurrent: () => boolean): Promise<void> {
    const camera = this.camera;
    if (this.engine.status !== 'ready' || !camera) return pause(200);
    const service = this.engine.service;
    const frame = await camera.captureFrame();
    if (!frame) return pause(100);
    // Time left counts from the first frame analysed, not from the wait for the models or the camera.
    if (this.captureStartedAt === 0) this.captureStartedAt = performance.now();
    try {
      const { analysis, quality, single } = await checkFrame(service, frame, ENROLL_THRESHOLDS);
      if (!isCurrent()) return;
      this.analysis = analysis;
      this.quality = quality;
      if (!single || !quality.passed || performance.now() - this.lastSampleAt < SAMPLE_INTERVAL_MS) return;
      const embedding = await service.embed(frame, single);
      if (!isCurrent()) return;
      this.lastSampleAt = performance.now();
      this.samples = [...this.samples, embedding];
      if (this.samples.length >= REQUIRED_SAMPLES) {
        this.loop.stop();
        await this.save();
      }
    } finally {
      frame.close();
    }
  }

  /** Stores the collected samples; on failure they stay in memory so saving can be retried. */
  private async save(): Promise<void> {
    if (!this.store) return;
    this.phase = 'saving';
    this.problem = null;
    try {
      const person = await this.store.addSamples(
        this.name,
        this.samples.map((sample) => ({ vector: sample.vector, modelId: sample.modelId })),
      );
      this.saved = person;
      this.phase = 'done';
      emit(this, 'fp-enrolled', { personId: person.id, name: person.name, sampleCount: person.samples.length });
      emit(this, 'fp-people-changed', { reason: 'enrolled' });
    } catch (error) {
      this.problem = describeStorageError(error);
    }
  }

  private again(keepName: boolean): void {
    if (!keepName) this.name = '';
    this.phase = 'form';
    this.saved = null;
    this.samples = [];
  }

  private onCameraStatus(event: HTMLElementEventMap['fp-camera-status']): void {
    this.cameraProblem = event.detail.problem;
  }

  override render() {
    return html`<section aria-labelledby="enroll-heading">
      <h2 id="enroll-heading">Enroll a face</h2>
      <p class="lead">
        Faceprint learns a face from ${REQUIRED_SAMPLES} good camera frames. The samples are stored only on this device.
      </p>
      ${this.engine.status === 'failed' ? this.renderEngineProblem(this.engine.problem) : null}
      ${this.phase === 'form' ? this.renderForm() : null}
      ${this.phase === 'capture' || this.phase === 'saving' ? this.renderCapture() : null}
      ${this.phase === 'done' ? this.renderDone() : null}
    </section>`;
  }

  private renderEngineProblem(problem: Problem) {
    return html`<fp-alert class="block" tone="error" heading=${problem.title} data-problem=${problem.kind}>
      ${problem.message}
    </fp-alert>`;
  }

  private renderForm() {
    const existing = this.existing;
    const canStart = this.name.trim() !== '' && this.engine.status !== 'failed' && this.store !== null;
    return html`<form class="card" @submit=${this.onStart}>
      <div class="field">
        <label for="name">Name</label>
        <input
          id="name"
          type="text"
          autocomplete="off"
          maxlength=${MAX_NAME_LENGTH}
          list="known-names"
          required
          .value=${this.name}
          @input=${this.onName}
          aria-describedby="name-help"
        />
        <datalist id="known-names">${this.people.map((person) => html`<option value=${person.name}></option>`)}</datalist>
        <small id="name-help">
          ${existing
            ? `${existing.name} is already enrolled with ${existing.samples.length} samples; new samples will be added.`
            : 'The name this face will be known by.'}
        </small>
      </div>
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${!canStart}>Start capture</button>
      </div>
    </form>`;
  }

  private renderCapture() {
    const count = this.samples.length;
    const engine = this.engine;
    const hint = this.cameraProblem
      ? `${this.cameraProblem.title}: see the message under the picture.`
      : engine.status === 'loading'
        ? 'The face models are still loading; capture starts as soon as they are ready.'
        : this.quality
          ? (this.quality.hint ?? (this.quality.passed ? 'Good. Hold still…' : 'Look at the camera.'))
          : 'Finding your face…';
    const busy = engine.status === 'ready' && !this.cameraProblem && (!this.quality || this.quality.passed);
    const left = estimateSecondsLeft(performance.now() - this.captureStartedAt, count, REQUIRED_SAMPLES);
    return html`<div class="capture">
      <fp-camera @fp-camera-status=${this.onCameraStatus} .active=${this.phase === 'capture'} .deviceId=${this.cameraId}>
        <fp-face-overlay slot="overlay" .analysis=${this.analysis} ?passed=${this.quality?.passed ?? false}></fp-face-overlay>
        ${this.quality?.hint ? html`<div slot="caption" class="caption" aria-hidden="true">${this.quality.hint}</div>` : null}
      </fp-camera>
      <div class="card side">
        <h3>Enrolling ${this.name.trim()}</h3>
        ${engine.status === 'loading' ? html`<fp-load-progress class="block" .progress=${engine.progress}></fp-load-progress>` : null}
        <div class="samples">
          <div id="samples-label">
            Samples captured: <span class="count" data-count=${count}>${count} of ${REQUIRED_SAMPLES}</span>
            ${left === null ? null : html`<span class="time-left">· ${formatTimeLeft(left)}</span>`}
          </div>
          <progress aria-labelledby="samples-label" max=${REQUIRED_SAMPLES} .value=${count}></progress>
        </div>
        <p class="hint" ?data-busy=${busy || this.phase === 'saving'} role="status" aria-live="polite">
          ${this.phase === 'saving' && !this.problem ? 'Saving…' : hint}
        </p>
        <fp-quality-checklist class="block" .report=${this.quality}></fp-quality-checklist>
        ${this.problem
          ? html`<fp-alert class="block" tone="error" heading=${this.problem.title} data-problem=${this.problem.kind}>
              ${this.problem.message}
              <div slot="actions" class="actions">
                ${this.phase === 'saving'
                  ? html`<button class="primary" @click=${this.save}>Try saving again</button>`
                  : html`<button @click=${this.restart}>Try again</button>`}
              </div>
            </fp-alert>`
          : null}
        <div class="actions">
          <button @click=${this.cancel}>Cancel</button>
        </div>
      </div>
    </div>`;
  }

  private renderDone() {
    const person = this.saved;
    if (!person) return null;
    const added = this.samples.length;
    return html`<fp-alert class="block" tone="success" heading="${person.name} is enrolled" data-state="enrolled">
        ${added} new samples saved; ${person.name} now has ${person.samples.length} in total. Next, check that Faceprint
        recognises ${person.name}: press “Verify ${person.name}” and look at the camera.
      </fp-alert>
      <div class="actions">
        <a class="button primary-link" href="#/verify?person=${encodeURIComponent(person.id)}">Verify ${person.name}</a>
        <button @click=${() => this.again(true)}>Add more samples</button>
        <button @click=${() => this.again(false)}>Enroll someone else</button>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fp-enroll-view': FpEnrollView;
  }
}
