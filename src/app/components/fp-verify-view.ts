import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Calibration } from '../../calibration/calibration';
import type { PersonRecord } from '../../storage';
import { FrameLoopController } from '../controllers/frame-loop-controller';
import type { FaceAnalysis } from '../engine-facade';
import type { EngineState } from '../engine-state';
import { emit, type VerificationResult } from '../events';
import { checkFrame } from '../frame-check';
import { CONSENSUS_FRAMES, ConsensusTracker, identify, verifyClaim, type Template, type Verdict } from '../logic/decision';
import { VERIFY_THRESHOLDS, type QualityReport } from '../logic/quality';
import { formatThreshold } from '../logic/threshold-text';
import { describeEngineError, type Problem } from '../messages';
import { sharedStyles } from '../styles/shared';
import { viewStyles } from '../styles/view';
import type { FpCamera } from './fp-camera';
import './fp-alert';
import './fp-camera';
import './fp-decision-card';
import './fp-face-overlay';
import './fp-load-progress';

type Mode = '1:1' | '1:N';
type Phase = 'idle' | 'running' | 'decided';

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Verification: 1:1 (is this the claimed person?) or 1:N (who among the enrolled is this?). Each
 * usable frame gives a verdict; a decision needs CONSENSUS_FRAMES agreeing frames in a row. The camera
 * stops once a decision is made.
 *
 * @fires fp-decision - A decision was reached.
 */
@customElement('fp-verify-view')
export class FpVerifyView extends LitElement {
  static override styles = [
    sharedStyles,
    viewStyles,
    css`
      fieldset {
        border: 0;
        padding: 0;
        margin: 0 0 1rem;
      }
      legend {
        font-weight: 600;
        margin-bottom: 0.4rem;
      }
      .choice {
        display: flex;
        gap: 0.5rem;
        align-items: baseline;
        margin-bottom: 0.35rem;
        font-weight: 400;
      }
      .setup {
        max-width: 34rem;
      }
      .live dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.2rem 1rem;
        margin: 0 0 1rem;
      }
      .live dt {
        color: var(--fp-muted);
      }
      .live dd {
        margin: 0;
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  /** The face engine, from the shell. */
  @property({ attribute: false }) engine: EngineState = { status: 'loading', progress: null };

  /** Everyone enrolled. */
  @property({ attribute: false }) people: readonly PersonRecord[] = [];

  /** The preferred camera. */
  @property({ attribute: false }) cameraId: string | null = null;

  /** Distance at or below which a face matches. */
  @property({ type: Number }) threshold = 0.6;

  /** The calibration the threshold is read against. */
  @property({ attribute: false }) calibration: Calibration | null = null;

  /** Preselects 1:1 against this person (e.g. from a link after enrolling). */
  @property({ attribute: false }) claimedId: string | null = null;

  @state() private mode: Mode = '1:N';
  @state() private phase: Phase = 'idle';
  @state() private analysis: FaceAnalysis | null = null;
  @state() private quality: QualityReport | null = null;
  @state() private verdict: Verdict | null = null;
  @state() private streak = 0;
  @state() private result: VerificationResult | null = null;
  @state() private problem: Problem | null = null;
  @state() private cameraProblem: Problem | null = null;

  @query('fp-camera') private camera?: FpCamera;

  private readonly tracker = new ConsensusTracker(CONSENSUS_FRAMES);
  private readonly loop = new FrameLoopController(
    this,
    (isCurrent) => this.step(isCurrent),
    (error) => {
      this.problem = describeEngineError(error);
      this.phase = 'idle';
    },
  );

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('claimedId') && this.claimedId) this.mode = '1:1';
    if (changed.has('people') && this.claimedId && !this.people.some((person) => person.id === this.claimedId)) {
      this.claimedId = this.people[0]?.id ?? null;
    }
    if (changed.has('engine') && this.engine.status === 'failed' && this.phase === 'running') this.stop();
  }

  /** People usable with the running model, as comparison templates. */
  private templates(modelId: string): Template[] {
    return this.people
      .filter((person) => person.modelId === modelId && person.mean.length > 0)
      .map((person) => ({ personId: person.id, name: person.name, mean: person.mean }));
  }

  private start(event?: Event): void {
    event?.preventDefault();
    if (this.mode === '1:1' && !this.claimedId) this.claimedId = this.people[0]?.id ?? null;
    this.tracker.reset();
    this.streak = 0;
    this.verdict = null;
    this.result = null;
    this.problem = null;
    this.analysis = null;
    this.quality = null;
    this.phase = 'running';
    this.loop.start();
  }

  private stop(): void {
    this.loop.stop();
    this.phase = this.result ? 'decided' : 'idle';
  }

  private async step(isCurrent: () => boolean): Promise<void> {
    const camera = this.camera;
    if (this.engine.status !== 'ready' || !camera) return pause(200);
    const service = this.engine.service;
    const frame = await camera.captureFrame();
    if (!frame) return pause(100);
    try {
      const { analysis, quality, single } = await checkFrame(service, frame, VERIFY_THRESHOLDS);
      if (!isCurrent()) return;
      this.analysis = analysis;
      this.quality = quality;
      if (!single || !quality.passed) {
        this.tracker.reset();
        this.streak = 0;
        return;
      }
      const embedding = await service.embed(frame, single);
      if (!isCurrent()) return;
      const templates = this.templates(embedding.modelId);
      const claimed = templates.find((template) => template.personId === this.claimedId);
      if (this.mode === '1:1' && !claimed) throw new Error('The claimed person is not enrolled with this face model.');
      const verdict =
        this.mode === '1:1' && claimed ? verifyClaim(embedding.vector, claimed, this.threshold) : identify(embedding.vector, templates, this.threshold);
      this.verdict = verdict;
      const decision = this.tracker.push(verdict);
      this.streak = this.tracker.streak;
      if (!decision) return;
      this.loop.stop();
      this.result = { ...decision, mode: this.mode, threshold: this.threshold };
      this.phase = 'decided';
      emit(this, 'fp-decision', this.result);
    } finally {
      frame.close();
    }
  }

  private onMode(event: Event): void {
    this.mode = (event.target as HTMLInputElement).value as Mode;
    if (this.mode === '1:1' && !this.claimedId) this.claimedId = this.people[0]?.id ?? null;
  }

  private onClaim(event: Event): void {
    this.claimedId = (event.target as HTMLSelectElement).value;
  }

  private onCameraStatus(event: HTMLElementEventMap['fp-camera-status']): void {
    this.cameraProblem = event.detail.problem;
  }

  override render() {
    return html`<section aria-labelledby="verify-heading">
      <h2 id="verify-heading">Verify a face</h2>
      <p class="lead">Checks the face in front of the camera against the people enrolled on this device.</p>
      ${this.engine.status === 'failed'
        ? html`<fp-alert class="block" tone="error" heading=${this.engine.problem.title} data-problem=${this.engine.problem.kind}>
            ${this.engine.problem.message}
          </fp-alert>`
        : null}
      ${this.people.length === 0
        ? html`<fp-alert class="block" tone="info" heading="No one is enrolled yet">
            Enroll a face first, then come back to verify it.
            <div slot="actions"><a class="button" href="#/enroll">Enroll a face</a></div>
          </fp-alert>`
        : this.phase === 'idle'
          ? this.renderSetup()
          : this.renderSession()}
    </section>`;
  }

  private renderSetup() {
    return html`<form class="card setup" @submit=${this.start}>
      <fieldset>
        <legend>What to check</legend>
        <label class="choice">
          <input type="radio" name="mode" value="1:N" .checked=${this.mode === '1:N'} @change=${this.onMode} />
          Who is this? Compare with everyone enrolled.
        </label>
        <label class="choice">
          <input type="radio" name="mode" value="1:1" .checked=${this.mode === '1:1'} @change=${this.onMode} />
          Is this a particular person? Check a claimed identity.
        </label>
      </fieldset>
      ${this.mode === '1:1'
        ? html`<div class="field">
            <label for="claim">Person</label>
            <select id="claim" @change=${this.onClaim}>
              ${this.people.map(
                (person) => html`<option value=${person.id} ?selected=${person.id === this.claimedId}>${person.name}</option>`,
              )}
            </select>
          </div>`
        : null}
      ${this.problem
        ? html`<fp-alert class="block" tone="error" heading=${this.problem.title} data-problem=${this.problem.kind}>
            ${this.problem.message}
          </fp-alert>`
        : null}
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${this.engine.status === 'failed'}>Start verification</button>
      </div>
    </form>`;
  }

  private renderSession() {
    const engine = this.engine;
    const running = this.phase === 'running';
    const claimedName = this.people.find((person) => person.id === this.claimedId)?.name;
    const hint = this.cameraProblem
      ? `${this.cameraProblem.title}: see the message under the picture.`
      : engine.status === 'loading'
        ? 'The face models are still loading; checking starts as soon as they are ready.'
        : this.quality
          ? (this.quality.hint ?? (this.quality.passed ? 'Checking… hold still.' : 'Look at the camera.'))
          : 'Finding your face…';
    const busy = engine.status === 'ready' && !this.cameraProblem && (!this.quality || this.quality.passed);
    return html`<div class="capture">
      ${running
        ? html`<fp-camera @fp-camera-status=${this.onCameraStatus} .active=${true} .deviceId=${this.cameraId}>
            <fp-face-overlay
              slot="overlay"
              .analysis=${this.analysis}
              ?passed=${this.quality?.passed ?? false}
              verifying
              .outcome=${this.verdict?.outcome ?? null}
            ></fp-face-overlay>
        ${this.quality?.hint ? html`<div slot="caption" class="caption" aria-hidden="true">${this.quality.hint}</div>` : null}
          </fp-camera>`
        : html`<fp-decision-card .result=${this.result} .calibration=${this.calibration}></fp-decision-card>`}
      <div class="card side live">
        <h3>${this.mode === '1:1' ? `Is this ${claimedName ?? '…'}?` : 'Who is this?'}</h3>
        ${engine.status === 'loading' ? html`<fp-load-progress class="block" .progress=${engine.progress}></fp-load-progress>` : null}
        ${running
          ? html`<p class="hint" ?data-busy=${busy} role="status" aria-live="polite">${hint}</p>
              <dl>
                <dt>Frames in agreement</dt>
                <dd data-streak=${this.streak}>${this.streak} of ${CONSENSUS_FRAMES}</dd>
                <dt>This frame</dt>
                <dd>
                  ${this.verdict
                    ? `${this.verdict.outcome === 'match' ? 'match' : 'no match'}, distance ${Number.isFinite(this.verdict.distance) ? this.verdict.distance.toFixed(3) : '—'}`
                    : '—'}
                </dd>
                <dt>Threshold</dt>
                <dd>${formatThreshold(this.threshold)}</dd>
              </dl>
              <div class="actions"><button @click=${this.stop}>Stop</button></div>`
          : html`<p>The camera is off. Verify again to take a new reading.</p>
              <div class="actions">
                <button class="primary" @click=${() => this.start()}>Verify again</button>
                <button @click=${() => (this.phase = 'idle')}>Change what to check</button>
              </div>`}
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fp-verify-view': FpVerifyView;
  }
}
