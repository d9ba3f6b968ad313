import { consume } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { CALIBRATION, type Calibration } from '../../calibration/calibration';
import type { LivenessFailure } from '../../liveness';
import { calibrationContext, engineContext, storeContext } from '../contexts';
import {
  CaptureSessionController,
  type CheckedCapture,
  type LiveProof,
} from '../controllers/capture-session-controller';
import type { FaceEmbedding } from '../engine-facade';
import type { EngineState } from '../engine-state';
import { emit } from '../events';
import { REQUIRED_SAMPLES, SAMPLE_INTERVAL_MS } from '../logic/enrollment';
import { sameFaceThroughout } from '../logic/live-decision';
import { DIFFERENT_PERSON, FAILURE_TEXT } from '../logic/liveness-text';
import { ENROLL_THRESHOLDS } from '../logic/quality';
import { estimateSecondsLeft, formatTimeLeft } from '../logic/time-left';
import { euclideanDistance } from '../logic/vector';
import { describeStorageError, type Problem } from '../messages';
import { sharedStyles } from '../styles/shared';
import { engineProblemAlert } from '../templates';
import { viewStyles } from '../styles/view';
import { MAX_NAME_LENGTH, type EnrollmentStore, type PersonRecord } from '../../storage';
import type { FpCaptureStage } from './fp-capture-stage';
import './fp-alert';
import './fp-capture-stage';
import './fp-liveness-prompt';
import './fp-quality-checklist';

type Phase = 'form' | 'capture' | 'saving' | 'done';

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

  /** The face engine (a property, or from an engineContext provider). */
  @consume({ context: engineContext, subscribe: true })
  @property({ attribute: false })
  engine: EngineState = { status: 'loading', progress: null };

  /** Where enrollments are saved (a property, or from a storeContext provider). */
  @consume({ context: storeContext, subscribe: true })
  @property({ attribute: false })
  store: EnrollmentStore | null = null;

  /** The calibration: its threshold tells whether the samples show one person (a property, or from a calibrationContext provider). */
  @consume({ context: calibrationContext, subscribe: true })
  @property({ attribute: false })
  calibration: Calibration = CALIBRATION;

  /** Ask for the liveness challenge before any sample is kept (turned off only in settings). */
  @property({ type: Boolean }) liveness = true;

  /** Everyone already enrolled (to tell whether a name is new). */
  @property({ attribute: false }) people: readonly PersonRecord[] = [];

  /** The preferred camera. */
  @property({ attribute: false }) cameraId: string | null = null;

  /** The name to enroll; prefilled when adding samples to someone. */
  @property() name = '';

  /**
   * Asked before the camera starts; false cancels. The app asks for the device owner here
   * (owner-gate.ts); a page of its own may ask for nothing (null) or for its own sign-in.
   */
  @property({ attribute: false }) authorize: (() => Promise<boolean>) | null = null;

  /** Where the "Verify …" link after enrolling goes (the app's verify route); null shows no link. */
  @property({ attribute: false }) verifyHref: ((person: PersonRecord) => string) | null = null;

  @state() private phase: Phase = 'form';
  @state() private samples: FaceEmbedding[] = [];
  /** Why saving failed; the samples stay in memory so that saving can be retried. */
  @state() private saveProblem: Problem | null = null;
  @state() private saved: PersonRecord | null = null;
  /** Why the liveness check refused this enrollment; null unless it did. */
  @state() private refusal: LivenessFailure | 'different-person' | null = null;

  @query('fp-capture-stage') private stage?: FpCaptureStage;

  private lastSampleAt = 0;
  /**
   * Where the sample rate is measured from, for the time left: the first analysed frame (or, with
   * liveness, the challenge's two samples, since the challenge takes its own time); null until then.
   */
  private rateFrom: { atMs: number; count: number } | null = null;
  /** With liveness: the challenge's neutral descriptor, which every later sample must match. */
  private anchor: Float32Array | null = null;
  /** Whether the session running now asks for the challenge (the setting may change meanwhile). */
  private livenessInSession = true;
  private readonly session = new CaptureSessionController(this, {
    engine: () => this.engine,
    stage: () => this.stage,
    policy: {
      thresholds: ENROLL_THRESHOLDS,
      liveness: () => this.livenessInSession,
      onFrame: (capture) => this.keepSample(capture),
      onLive: (proof, _service, isCurrent) => this.keepProof(proof, isCurrent),
      onRefused: (failure) => {
        this.refusal = failure;
      },
    },
  });

  private get existing(): PersonRecord | undefined {
    const key = this.name.trim().toLocaleLowerCase();
    return key ? this.people.find((person) => person.nameKey === key) : undefined;
  }

  protected override willUpdate(): void {
    if (this.engine.status === 'failed' && this.phase === 'capture') this.cancel();
  }

  private onName(event: Event): void {
    this.name = (event.target as HTMLInputElement).value;
  }

  private async onStart(event: Event): Promise<void> {
    event.preventDefault();
    if (!this.name.trim() || this.engine.status === 'failed') return;
    if (this.authorize && !(await this.authorize())) return;
    this.saved = null;
    this.phase = 'capture';
    this.capture();
  }

  /** Starts (or restarts) capturing from no samples. */
  private capture(): void {
    this.samples = [];
    this.saveProblem = null;
    this.refusal = null;
    this.anchor = null;
    this.lastSampleAt = 0;
    this.rateFrom = null;
    this.livenessInSession = this.liveness;
    this.session.start();
  }

  private cancel(): void {
    this.session.stop();
    this.phase = 'form';
    this.samples = [];
  }

  /**
   * The enrollment policy: every frame that passes the gates, at most one per SAMPLE_INTERVAL_MS. After
   * a liveness challenge each must be the face that did the challenge.
   */
  private async keepSample({ frame, service, quality, single, isCurrent }: CheckedCapture): Promise<void> {
    this.rateFrom ??= { atMs: performance.now(), count: this.samples.length };
    if (!single || !quality.passed || performance.now() - this.lastSampleAt < SAMPLE_INTERVAL_MS) return;
    const embedding = await service.embed(frame, single);
    if (!isCurrent()) return;
    if (this.anchor && euclideanDistance(this.anchor, embedding.vector) > this.calibration.threshold) {
      this.refuse('different-person');
      return;
    }
    await this.add([embedding]);
  }

  /** With liveness: the challenge's neutral and final frames are the first two samples. */
  private async keepProof(proof: LiveProof, isCurrent: () => boolean): Promise<void> {
    if (!isCurrent()) return;
    const liveness = sameFaceThroughout(
      { neutral: proof.neutral.vector, final: proof.final.vector },
      this.calibration.threshold,
    );
    if (liveness.status === 'failed') {
      this.refuse(liveness.failure);
      return;
    }
    this.anchor = proof.neutral.vector;
    await this.add([proof.neutral, proof.final]);
    this.rateFrom = { atMs: performance.now(), count: this.samples.length };
  }

  private async add(embeddings: FaceEmbedding[]): Promise<void> {
    this.lastSampleAt = performance.now();
    this.samples = [...this.samples, ...embeddings];
    if (this.samples.length >= REQUIRED_SAMPLES) {
      this.session.stop();
      await this.save();
    }
  }

  /** Nothing is saved from a refused enrollment. */
  private refuse(why: LivenessFailure | 'different-person'): void {
    this.session.stop();
    this.samples = [];
    this.refusal = why;
  }

  /** Stores the collected samples; on failure they stay in memory so saving can be retried. */
  private async save(): Promise<void> {
    if (!this.store) return;
    this.phase = 'saving';
    this.saveProblem = null;
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
      this.saveProblem = describeStorageError(error);
    }
  }

  private again(keepName: boolean): void {
    if (!keepName) this.name = '';
    this.phase = 'form';
    this.saved = null;
    this.samples = [];
  }

  override render() {
    return html`<section aria-labelledby="enroll-heading">
      <h2 id="enroll-heading">Enroll a face</h2>
      <p class="lead">
        Faceprint learns a face from ${REQUIRED_SAMPLES} good camera frames. The samples are stored only on this device.
        ${this.liveness ? 'First it asks for a few head movements, so that a face cannot be enrolled from a photo.' : ''}
      </p>
      ${engineProblemAlert(this.engine)} ${this.phase === 'form' ? this.renderForm() : null}
      ${this.phase === 'capture' || this.phase === 'saving' ? this.renderCapture() : null}
      ${this.phase === 'done' ? this.renderDone() : null}
    </section>`;
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
        <datalist id="known-names">
          ${this.people.map((person) => html`<option value=${person.name}></option>`)}
        </datalist>
        <small id="name-help">
          ${
            existing
              ? `${existing.name} is already enrolled with ${existing.samples.length} samples; new samples will be added.`
              : 'The name this face will be known by.'
          }
        </small>
      </div>
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${!canStart}>Start capture</button>
      </div>
    </form>`;
  }

  private renderCapture() {
    const count = this.samples.length;
    const { session, engine } = this;
    const problem = this.saveProblem ?? session.problem;
    const refusal = this.refusal
      ? this.refusal === 'different-person'
        ? DIFFERENT_PERSON
        : FAILURE_TEXT[this.refusal]
      : null;
    const saving = this.phase === 'saving' && !problem;
    const rate = this.rateFrom;
    const left = rate
      ? estimateSecondsLeft(performance.now() - rate.atMs, count - rate.count, REQUIRED_SAMPLES - rate.count)
      : null;
    return html`<fp-capture-stage
      heading="Enrolling ${this.name.trim()}"
      .active=${this.phase === 'capture'}
      .cameraId=${this.cameraId}
      .analysis=${session.analysis}
      ?passed=${session.quality?.passed ?? false}
      caption=${session.quality?.hint ?? ''}
      hint=${saving ? 'Saving…' : session.hint()}
      ?busy=${saving || session.busy()}
      .loading=${engine.status === 'loading' ? engine.progress : undefined}
      @fp-camera-status=${session.onCameraStatus}
    >
      <fp-liveness-prompt
        slot="picture"
        .progress=${session.challenging ? session.challenge : null}
      ></fp-liveness-prompt>
      <div slot="status" class="samples">
        <div id="samples-label">
          Samples captured: <span class="count" data-count=${count}>${count} of ${REQUIRED_SAMPLES}</span>
          ${left === null ? null : html`<span class="time-left">· ${formatTimeLeft(left)}</span>`}
        </div>
        <progress aria-labelledby="samples-label" max=${REQUIRED_SAMPLES} .value=${count}></progress>
      </div>
      <fp-quality-checklist class="block" .report=${session.quality}></fp-quality-checklist>
      ${
        problem
          ? html`<fp-alert class="block" tone="error" heading=${problem.title} data-problem=${problem.kind}>
              ${problem.message}
              <div slot="actions" class="actions">
                ${
                  this.saveProblem
                    ? html`<button class="primary" @click=${this.save}>Try saving again</button>`
                    : html`<button @click=${this.capture}>Try again</button>`
                }
              </div>
            </fp-alert>`
          : null
      }
      ${
        refusal
          ? html`<fp-alert
              class="block"
              tone="error"
              heading="Not enrolled: ${refusal.title}"
              data-refusal=${this.refusal}
            >
              ${refusal.message} Nothing was saved.
              <div slot="actions" class="actions">
                <button class="primary" @click=${this.capture}>Try again</button>
              </div>
            </fp-alert>`
          : null
      }
      <div class="actions">
        <button @click=${this.cancel}>Cancel</button>
      </div>
    </fp-capture-stage>`;
  }

  private renderDone() {
    const person = this.saved;
    if (!person) return null;
    const added = this.samples.length;
    const verifyHref = this.verifyHref?.(person);
    return html`<fp-alert class="block" tone="success" heading="${person.name} is enrolled" data-state="enrolled">
        ${added} new samples saved; ${person.name} now has ${person.samples.length} in total.
        ${
          verifyHref
            ? `Next, check that Faceprint recognises ${person.name}: press “Verify ${person.name}” and look at the camera.`
            : ''
        }
      </fp-alert>
      <div class="actions">
        ${verifyHref ? html`<a class="button primary-link" href=${verifyHref}>Verify ${person.name}</a>` : null}
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
