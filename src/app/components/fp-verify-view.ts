import { consume } from '@lit/context';
import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { CALIBRATION, type Calibration } from '../../calibration/calibration';
import type { PersonRecord } from '../../storage';
import { calibrationContext, engineContext } from '../contexts';
import type { LivenessFailure } from '../../liveness';
import {
  CAPTURE_HINTS,
  CaptureSessionController,
  type CheckedCapture,
  type LiveProof,
} from '../controllers/capture-session-controller';
import type { EngineState } from '../engine-state';
import { emit, type VerificationResult } from '../events';
import {
  CONSENSUS_FRAMES,
  ConsensusTracker,
  identify,
  verifyClaim,
  type Template,
  type Verdict,
} from '../logic/decision';
import { combinedOutcome, sameFaceThroughout } from '../logic/live-decision';
import { VERIFY_THRESHOLDS } from '../logic/quality';
import { formatThreshold } from '../logic/threshold-text';
import { sharedStyles } from '../styles/shared';
import { viewStyles } from '../styles/view';
import { engineProblemAlert } from '../templates';
import type { FpCaptureStage } from './fp-capture-stage';
import './fp-alert';
import './fp-capture-stage';
import './fp-decision-card';
import './fp-liveness-prompt';

type Mode = '1:1' | '1:N';
type Phase = 'idle' | 'running' | 'decided';

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

  /** The face engine (a property, or from an engineContext provider). */
  @consume({ context: engineContext, subscribe: true })
  @property({ attribute: false })
  engine: EngineState = { status: 'loading', progress: null };

  /** Everyone enrolled. */
  @property({ attribute: false }) people: readonly PersonRecord[] = [];

  /** The preferred camera. */
  @property({ attribute: false }) cameraId: string | null = null;

  /** The calibration: its threshold decides a match (a property, or from a calibrationContext provider). */
  @consume({ context: calibrationContext, subscribe: true })
  @property({ attribute: false })
  calibration: Calibration = CALIBRATION;

  /** A threshold chosen in settings for the calibration's model; null uses the calibrated one. */
  @property({ attribute: false }) chosenThreshold: number | null = null;

  /** Ask for the liveness challenge before any decision (turned off only in settings). */
  @property({ type: Boolean }) liveness = true;

  /** Where the "Enroll a face" link goes when no one is enrolled (the app's enroll route); empty shows no link. */
  @property({ attribute: 'enroll-href' }) enrollHref = '';

  /** Preselects 1:1 against this person (e.g. from a link after enrolling). */
  @property({ attribute: false }) claimedId: string | null = null;

  @state() private mode: Mode = '1:N';
  @state() private phase: Phase = 'idle';
  @state() private verdict: Verdict | null = null;
  @state() private streak = 0;
  @state() private result: VerificationResult | null = null;

  @query('fp-capture-stage') private stage?: FpCaptureStage;

  private readonly tracker = new ConsensusTracker(CONSENSUS_FRAMES);
  private readonly session = new CaptureSessionController(this, {
    engine: () => this.engine,
    stage: () => this.stage,
    policy: {
      thresholds: VERIFY_THRESHOLDS,
      liveness: () => this.livenessInSession,
      onFrame: (capture) => this.judge(capture),
      onLive: (proof, _service, isCurrent) => this.judgeLive(proof, isCurrent),
      onRefused: (failure) => this.refuse(failure),
    },
    holdStillHint: CAPTURE_HINTS.checking,
  });
  /** Whether the session running now asks for the challenge (the setting may change meanwhile). */
  private livenessInSession = true;

  /** The distance at or below which a face matches: the calibration's, unless settings chose another. */
  get threshold(): number {
    return this.chosenThreshold ?? this.calibration.threshold;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('claimedId') && this.claimedId) this.mode = '1:1';
    if (changed.has('people') && this.claimedId && !this.people.some((person) => person.id === this.claimedId)) {
      this.claimedId = this.people[0]?.id ?? null;
    }
    if (this.engine.status === 'failed' && this.phase === 'running') this.stop();
    // A frame the engine could not analyse ends the session; its problem shows on the setup form.
    if (this.phase === 'running' && this.session.problem) this.phase = 'idle';
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
    this.livenessInSession = this.liveness;
    this.phase = 'running';
    this.session.start();
  }

  private stop(): void {
    this.session.stop();
    this.phase = this.result ? 'decided' : 'idle';
  }

  /** The verdict on one embedding: against the claimed person (1:1) or everyone (1:N). */
  private verdictFor(vector: Float32Array, modelId: string): Verdict {
    const templates = this.templates(modelId);
    const claimed = templates.find((template) => template.personId === this.claimedId);
    if (this.mode === '1:1' && !claimed) throw new Error('The claimed person is not enrolled with this face model.');
    return this.mode === '1:1' && claimed
      ? verifyClaim(vector, claimed, this.threshold)
      : identify(vector, templates, this.threshold);
  }

  /** Without liveness: a verdict per usable frame, a decision once CONSENSUS_FRAMES agree. */
  private async judge({ frame, service, quality, single, isCurrent }: CheckedCapture): Promise<void> {
    if (!single || !quality.passed) {
      this.tracker.reset();
      this.streak = 0;
      return;
    }
    const embedding = await service.embed(frame, single);
    if (!isCurrent()) return;
    const verdict = this.verdictFor(embedding.vector, embedding.modelId);
    this.verdict = verdict;
    const decision = this.tracker.push(verdict);
    this.streak = this.tracker.streak;
    if (!decision) return;
    this.decide({ ...decision, mode: this.mode, threshold: this.threshold, liveness: { status: 'off' } });
  }

  /** With liveness: the neutral frame decides the match, the final one must be the same face. */
  private async judgeLive(proof: LiveProof, isCurrent: () => boolean): Promise<void> {
    if (!isCurrent()) return;
    const verdict = this.verdictFor(proof.neutral.vector, proof.neutral.modelId);
    const liveness = sameFaceThroughout({ neutral: proof.neutral.vector, final: proof.final.vector }, this.threshold);
    this.verdict = verdict;
    this.decide({
      ...verdict,
      outcome: combinedOutcome(verdict.outcome, liveness),
      distances: [verdict.distance],
      mode: this.mode,
      threshold: this.threshold,
      liveness,
    });
  }

  /** The challenge failed: refused, whoever the face is. */
  private refuse(failure: LivenessFailure): void {
    const claimed = this.mode === '1:1' ? this.people.find((person) => person.id === this.claimedId) : undefined;
    this.decide({
      outcome: 'no-match',
      personId: claimed?.id ?? null,
      name: claimed?.name ?? null,
      distance: Infinity,
      distances: [],
      mode: this.mode,
      threshold: this.threshold,
      liveness: { status: 'failed', failure },
    });
  }

  private decide(result: VerificationResult): void {
    this.session.stop();
    this.result = result;
    this.phase = 'decided';
    emit(this, 'fp-decision', result);
  }

  private onMode(event: Event): void {
    this.mode = (event.target as HTMLInputElement).value as Mode;
    if (this.mode === '1:1' && !this.claimedId) this.claimedId = this.people[0]?.id ?? null;
  }

  private onClaim(event: Event): void {
    this.claimedId = (event.target as HTMLSelectElement).value;
  }

  override render() {
    return html`<section aria-labelledby="verify-heading">
      <h2 id="verify-heading">Verify a face</h2>
      <p class="lead">Checks the face in front of the camera against the people enrolled on this device.</p>
      ${engineProblemAlert(this.engine)}
      ${
        this.people.length === 0
          ? html`<fp-alert class="block" tone="info" heading="No one is enrolled yet">
              Enroll a face first, then come back to verify it.
              ${
                this.enrollHref
                  ? html`<div slot="actions"><a class="button" href=${this.enrollHref}>Enroll a face</a></div>`
                  : null
              }
            </fp-alert>`
          : this.phase === 'idle'
            ? this.renderSetup()
            : this.renderSession()
      }
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
      ${
        this.mode === '1:1'
          ? html`<div class="field">
              <label for="claim">Person</label>
              <select id="claim" @change=${this.onClaim}>
                ${this.people.map(
                  (person) =>
                    html`<option value=${person.id} ?selected=${person.id === this.claimedId}>${person.name}</option>`,
                )}
              </select>
            </div>`
          : null
      }
      ${
        this.session.problem
          ? html`<fp-alert
              class="block"
              tone="error"
              heading=${this.session.problem.title}
              data-problem=${this.session.problem.kind}
            >
              ${this.session.problem.message}
            </fp-alert>`
          : null
      }
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${this.engine.status === 'failed'}>Start verification</button>
      </div>
    </form>`;
  }

  private renderSession() {
    const { session, engine } = this;
    const claimedName = this.people.find((person) => person.id === this.claimedId)?.name;
    const heading = this.mode === '1:1' ? `Is this ${claimedName ?? '…'}?` : 'Who is this?';
    if (this.phase === 'decided') {
      return html`<div class="capture">
        <fp-decision-card .result=${this.result} .calibration=${this.calibration}></fp-decision-card>
        <div class="card side">
          <h3>${heading}</h3>
          <p>The camera is off. Verify again to take a new reading.</p>
          <div class="actions">
            <button class="primary" @click=${() => this.start()}>Verify again</button>
            <button @click=${() => (this.phase = 'idle')}>Change what to check</button>
          </div>
        </div>
      </div>`;
    }
    return html`<fp-capture-stage
      class="live"
      heading=${heading}
      .active=${true}
      .cameraId=${this.cameraId}
      .analysis=${session.analysis}
      ?passed=${session.quality?.passed ?? false}
      caption=${session.quality?.hint ?? ''}
      hint=${session.hint()}
      ?busy=${session.busy()}
      verifying
      .outcome=${this.verdict?.outcome ?? null}
      .loading=${engine.status === 'loading' ? engine.progress : undefined}
      @fp-camera-status=${session.onCameraStatus}
    >
      <fp-liveness-prompt
        slot="picture"
        .progress=${session.challenging ? session.challenge : null}
      ></fp-liveness-prompt>
      <dl>
        ${
          this.livenessInSession
            ? html`<dt>Liveness check</dt>
                <dd data-liveness-step>${livenessStep(session)}</dd>`
            : html`<dt>Frames in agreement</dt>
                <dd data-streak=${this.streak}>${this.streak} of ${CONSENSUS_FRAMES}</dd>`
        }
        <dt>This frame</dt>
        <dd>
          ${
            this.verdict
              ? `${this.verdict.outcome === 'match' ? 'match' : 'no match'}, distance ${Number.isFinite(this.verdict.distance) ? this.verdict.distance.toFixed(3) : '—'}`
              : '—'
          }
        </dd>
        <dt>Threshold</dt>
        <dd>${formatThreshold(this.threshold)}</dd>
      </dl>
      <div class="actions"><button @click=${this.stop}>Stop</button></div>
    </fp-capture-stage>`;
  }
}

/** Where the challenge is, for the side panel. */
function livenessStep(session: CaptureSessionController): string {
  const challenge = session.challenge;
  if (!challenge) return 'starts when your face is in view';
  if (challenge.status === 'neutral') return 'looking straight ahead';
  if (challenge.status === 'action') return `movement ${challenge.current + 1} of ${challenge.actions.length}`;
  if (challenge.status === 'return') return 'looking straight ahead again';
  return challenge.status === 'passed' ? 'passed' : 'failed';
}

declare global {
  interface HTMLElementTagNameMap {
    'fp-verify-view': FpVerifyView;
  }
}
