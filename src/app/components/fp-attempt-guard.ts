import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { LockoutController } from '../controllers/lockout-controller';
import type { VerificationResult } from '../events';
import { formatWait } from '../logic/wait-text';
import { describeStorageError } from '../messages';
import { trustServices } from '../trust-services';
import { sharedStyles } from '../styles/shared';
import './fp-alert';

/** The liveness outcome a decision carries, where the verify view reports one. */
function livenessOf(result: VerificationResult): string | null {
  const liveness = (result as { liveness?: unknown }).liveness;
  if (typeof liveness === 'string') return liveness;
  const outcome = (liveness as { outcome?: unknown } | null | undefined)?.outcome;
  return typeof outcome === 'string' ? outcome : null;
}

/**
 * Wraps the verify view: logs every decision it reports (fp-decision) and counts refusals towards the
 * attempt limit. While verification is locked it shows the wait left instead of the view, so no new
 * verification can start; a reload or another tab sees the same lock.
 *
 * @slot - The verify view.
 */
@customElement('fp-attempt-guard')
export class FpAttemptGuard extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .wait {
        font-size: 2rem;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
        margin: 0.25rem 0 0.5rem;
      }
      fp-alert {
        margin-bottom: 1rem;
      }
    `,
  ];

  @state() private logProblem: string | null = null;

  private readonly lockout = new LockoutController(this);

  constructor() {
    super();
    this.addEventListener('fp-decision', (event) => void this.record(event.detail));
  }

  private async record(result: VerificationResult): Promise<void> {
    try {
      const status = await trustServices().guard.record({
        mode: result.mode,
        outcome: result.outcome,
        personId: result.personId,
        name: result.name,
        distance: result.distance,
        threshold: result.threshold,
        liveness: livenessOf(result),
      });
      this.logProblem = null;
      this.lockout.show(status);
    } catch (error) {
      this.logProblem = describeStorageError(error).message;
    }
  }

  override render() {
    const { status, error } = this.lockout;
    if (error) {
      // Without the lock's state the limit cannot be enforced, so verification waits for storage.
      const problem = describeStorageError(error);
      return html`<fp-alert tone="error" heading=${problem.title} data-problem=${problem.kind}
        >${problem.message}</fp-alert
      >`;
    }
    if (!status) return html`<p role="status">Checking the attempt limit…</p>`;
    if (this.lockout.locked) {
      return html`<section aria-labelledby="lock-heading" data-lock="locked">
        <h2 id="lock-heading">Verification is locked</h2>
        <fp-alert tone="warning" heading="Too many refused attempts in a row">
          To slow down guessing, verifying is paused. Try again in
          <div class="wait" role="timer" aria-live="off">${formatWait(this.lockout.remainingMs)}</div>
          The owner can lift the lock in Settings.
        </fp-alert>
      </section>`;
    }
    return html`${
        this.logProblem
          ? html`<fp-alert tone="warning" heading="This decision was not logged">${this.logProblem}</fp-alert>`
          : null
      }<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fp-attempt-guard': FpAttemptGuard;
  }
}
