import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { LoadProgress } from '../engine-facade';
import { progressLabel } from '../engine-state';
import { estimateSecondsLeft, formatElapsed, formatTimeLeft } from '../logic/time-left';

/** The engine reports the download as the first 70% of its progress (bytes received over total). */
const DOWNLOAD_SHARE = 0.7;

/**
 * The face engine's loading bar: what it is doing, how far it got, and how long it has taken. Only the
 * download advances at a steady rate, so only the download gets a time-left estimate; compiling the
 * GPU programs gives no such measure, so it shows the time so far instead of a guess.
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
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0 1rem;
      margin-bottom: 0.3rem;
    }
    .time {
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

  @state() private now = performance.now();
  private startedAt = performance.now();
  private ticker: ReturnType<typeof setInterval> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.startedAt = this.now = performance.now();
    this.ticker = setInterval(() => {
      this.now = performance.now();
    }, 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.ticker);
  }

  override render() {
    const fraction = this.progress?.fraction ?? 0;
    const percent = Math.round(fraction * 100);
    const elapsed = this.now - this.startedAt;
    const left = this.progress?.stage === 'fetch' ? estimateSecondsLeft(elapsed, fraction / DOWNLOAD_SHARE, 1) : null;
    return html`<div class="row">
        <span id="label">${progressLabel(this.progress)}…</span>
        <span class="time">${percent}% · ${left === null ? formatElapsed(elapsed) : formatTimeLeft(left)}</span>
      </div>
      <progress aria-labelledby="label" max="100" .value=${percent}></progress>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fp-load-progress': FpLoadProgress;
  }
}
