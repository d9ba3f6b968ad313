import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Calibration } from '../../calibration/calibration';
import type { VerificationResult } from '../events';
import { describeLiveness } from '../logic/liveness-text';
import { describeThreshold } from '../logic/threshold-text';
import { sharedStyles } from '../styles/shared';

/**
 * The outcome of a verification: accepted or rejected (1:1), recognised or not (1:N), with the score
 * (mean distance over the agreeing frames) and the threshold it was held against.
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
        margin-bottom: 0.75rem;
      }
      .badge {
        width: 2.5rem;
        height: 2.5rem;
        border-radius: 50%;
        display: grid;
        place-items: center;
        background: var(--tone);
        color: #fff;
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
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.3rem 1rem;
        margin: 0;
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

  private headline(result: VerificationResult): string {
    if (result.liveness.status === 'failed') {
      return `${result.mode === '1:1' ? 'Not verified' : 'Not recognised'}: the liveness check failed`;
    }
    if (result.mode === '1:1') {
      return result.outcome === 'match' ? `Verified: this is ${result.name}` : `Not verified: this is not ${result.name}`;
    }
    return result.outcome === 'match' ? `Recognised: ${result.name}` : 'Not recognised: no enrolled person matches';
  }

  override render() {
    const result = this.result;
    if (!result) return null;
    const match = result.outcome === 'match';
    const nearest = result.mode === '1:N' && !match && result.name ? `${result.name} (${result.distance.toFixed(3)})` : null;
    return html`<div class="card" role="status">
      <div class="outcome">
        <span class="badge" aria-hidden="true">${match ? '✓' : '✕'}</span>
        <span class="title">${this.headline(result)}</span>
      </div>
      <dl>
        ${result.distances.length > 0
          ? html`<dt>Distance</dt>
              <dd>
                <span data-distance>${Number.isFinite(result.distance) ? result.distance.toFixed(3) : '—'}</span>
                (${result.liveness.status === 'off'
                  ? `mean of ${result.distances.length} frames in agreement`
                  : 'the frame before the movements'}; lower is more alike)
              </dd>`
          : null}
        <dt>Threshold</dt>
        <dd>
          <span data-threshold>${result.threshold.toFixed(3)}</span> —
          ${this.calibration ? describeThreshold(this.calibration, result.threshold) : ''}
        </dd>
        ${nearest ? html`<dt>Nearest</dt><dd>${nearest}</dd>` : null}
        <dt>Liveness</dt>
        <dd data-liveness=${result.liveness.status}>${describeLiveness(result.liveness)}</dd>
      </dl>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fp-decision-card': FpDecisionCard;
  }
}
