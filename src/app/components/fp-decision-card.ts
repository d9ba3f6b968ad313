import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Calibration } from '../../calibration/calibration';
import type { VerificationResult } from '../events';
import { describeLiveness } from '../logic/liveness-text';
import { describeThreshold, formatThreshold } from '../logic/threshold-text';
import { decisionWording } from '../messages';
import { sharedStyles } from '../styles/shared';

/**
 * The outcome of a verification, in words first: accepted or not (1:1), recognised or not (1:N), and
 * what to do after a refusal; then how the liveness check ended (passed, why it failed and what to do, or
 * off and what that lets through). The numbers (mean distance over the agreeing frames, the threshold and
 * what it means) are behind a "Details" disclosure.
 */
@customElement('fp-decision-card')
export class FpDecisionCard extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .card {
        border-left-width: 6px;
        border-left-color: var(--tone);
      }
      .outcome {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        margin-bottom: 0.5rem;
      }
      .badge {
        width: 2.5rem;
        height: 2.5rem;
        border-radius: 50%;
        display: grid;
        place-items: center;
        background: var(--tone);
        color: var(--fp-surface);
        font-size: 1.35rem;
        font-weight: 700;
        flex: none;
      }
      .title {
        font-size: 1.375rem;
        font-weight: 700;
        color: var(--tone);
        line-height: 1.25;
      }
      .advice,
      .liveness {
        margin: 0 0 0.75rem;
      }
      .liveness .term {
        font-weight: 600;
      }
      summary {
        cursor: pointer;
        color: var(--fp-muted);
        font-weight: 600;
        /* A list item keeps the disclosure triangle; the line height makes it a 44 px target. */
        display: list-item;
        line-height: 2.75rem;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.3rem 1rem;
        margin: 0.25rem 0 0;
      }
      dt {
        color: var(--fp-muted);
      }
      dd {
        margin: 0;
        font-variant-numeric: tabular-nums;
      }
      :host([outcome='match']) .card {
        --tone: var(--fp-success);
      }
      :host([outcome='no-match']) .card {
        --tone: var(--fp-danger);
      }
    `,
  ];

  /** The decision to show. */
  @property({ attribute: false }) result: VerificationResult | null = null;

  /** Where the threshold comes from, to say what it means. */
  @property({ attribute: false }) calibration: Calibration | null = null;

  /** Reflects the result's outcome, for styling and tests. */
  @property({ reflect: true }) outcome: 'match' | 'no-match' | '' = '';

  protected override willUpdate(): void {
    this.outcome = this.result?.outcome ?? '';
  }

  override render() {
    const result = this.result;
    if (!result) return null;
    const match = result.outcome === 'match';
    const { headline, advice } = decisionWording(result);
    const nearest =
      result.mode === '1:N' && !match && result.name ? `${result.name} (${result.distance.toFixed(3)})` : null;
    return html`<div class="card" role="status">
      <div class="outcome">
        <span class="badge" aria-hidden="true">${match ? '✓' : '✕'}</span>
        <span class="title">${headline}</span>
      </div>
      ${advice ? html`<p class="advice">${advice}</p>` : null}
      <p class="liveness" data-liveness=${result.liveness.status}>
        <span class="term">Liveness:</span> ${describeLiveness(result.liveness)}
      </p>
      <details>
        <summary>Details</summary>
        <dl>
          ${
            result.distances.length > 0
              ? html`<dt>Distance</dt>
                  <dd>
                    <span data-distance>${Number.isFinite(result.distance) ? result.distance.toFixed(3) : '—'}</span>
                    (${
                      result.liveness.status === 'off'
                        ? `mean of ${result.distances.length} frames in agreement`
                        : 'the frame before the movements'
                    };
                    lower is more alike)
                  </dd>`
              : null
          }
          <dt>Threshold</dt>
          <dd>
            <span data-threshold>${formatThreshold(result.threshold)}</span> —
            ${this.calibration ? describeThreshold(this.calibration, result.threshold) : ''}
          </dd>
          ${
            nearest
              ? html`<dt>Nearest</dt>
                  <dd>${nearest}</dd>`
              : null
          }
        </dl>
      </details>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fp-decision-card': FpDecisionCard;
  }
}
