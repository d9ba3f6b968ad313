import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { LoadProgress } from '../engine-facade';
import { progressLabel } from '../engine-state';

/**
 * The face engine's loading bar: stage and percentage from the engine's LoadProgress.
 */
@customElement('fp-load-progress')
export class FpLoadProgress extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font-size: 0.95rem;
    }
    .row {
      display: flex;
      justify-content: space-between;
      gap: 1rem;
      margin-bottom: 0.3rem;
    }
    .percent {
      font-variant-numeric: tabular-nums;
      color: var(--fp-muted);
    }
    progress {
      width: 100%;
      height: 0.6rem;
      accent-color: var(--fp-accent);
    }
  `;

  /** The latest progress report; null before the first one. */
  @property({ attribute: false }) progress: LoadProgress | null = null;

  override render() {
    const percent = Math.round((this.progress?.fraction ?? 0) * 100);
    const label = progressLabel(this.progress);
    return html`<div class="row">
        <span id="label">${label}…</span>
        <span class="percent">${percent}%</span>
      </div>
      <progress aria-labelledby="label" max="100" .value=${percent}></progress>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fp-load-progress': FpLoadProgress;
  }
}
