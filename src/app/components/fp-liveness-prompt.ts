import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ChallengeAction, LivenessProgress } from '../../liveness';
import { instruction } from '../logic/liveness-text';

const RING_RADIUS = 26;
const RING_LENGTH = 2 * Math.PI * RING_RADIUS;

/** Arrow or mouth glyph per action, drawn in a 64×64 box around (32, 32). */
const GLYPHS: Record<ChallengeAction | 'face', ReturnType<typeof svg>> = {
  // On a mirrored preview the person's left is the screen's left.
  'turn-left': svg`<path d="M44 32H20M30 21 19 32l11 11" />`,
  'turn-right': svg`<path d="M20 32h24M34 21l11 11-11 11" />`,
  'look-up': svg`<path d="M32 44V20M21 30l11-11 11 11" />`,
  'open-mouth': svg`<ellipse cx="32" cy="32" rx="9" ry="12" />`,
  face: svg`<circle cx="32" cy="32" r="11" /><path d="M28 30v.5M36 30v.5M28 36.5c2.4 1.6 5.6 1.6 8 0" />`,
};

/**
 * The liveness challenge over the camera picture: an arrow (or mouth) for the asked action inside a
 * ring that fills while the position is held, the instruction, the step and the seconds left. It is
 * decoration for sighted people: the same instruction goes to the capture stage's live region.
 * Reflects the step as data-status / data-action / data-step (and the measured pose as data-pose), for
 * styling and tests.
 */
@customElement('fp-liveness-prompt')
export class FpLivenessPrompt extends LitElement {
  static override styles = css`
    :host {
      display: block;
      position: absolute;
      inset: 0;
      pointer-events: none;
    }
    :host([hidden]) {
      display: none;
    }
    /* Centred by auto margins between the insets: its width is then the picture's, not half of it. */
    .bar {
      position: absolute;
      top: 0.75rem;
      left: 0.75rem;
      right: 0.75rem;
      width: fit-content;
      margin: 0 auto;
      display: flex;
      align-items: center;
      gap: 0.75rem;
      padding: 0.4rem 0.9rem 0.4rem 0.4rem;
      border-radius: 999px;
      background: rgb(13 17 23 / 78%);
      color: #fff;
    }
    svg {
      width: 4rem;
      height: 4rem;
      flex: none;
    }
    .track {
      stroke: rgb(255 255 255 / 25%);
    }
    .fill {
      stroke: var(--fp-overlay-ok, #2ea043);
      transition: stroke-dashoffset 0.15s linear;
    }
    .glyph {
      stroke: #fff;
    }
    .words {
      font-weight: 700;
      font-size: 1.15rem;
      line-height: 1.25;
    }
    .meta {
      font-size: 0.85rem;
      opacity: 0.85;
      font-variant-numeric: tabular-nums;
    }
    .urgent {
      color: #ffb86b;
    }
    /* Phones: the picture is about a third of the screen's height; the prompt leaves the face in view. */
    @media (max-width: 40rem) {
      .bar {
        top: 0.5rem;
        left: 0.5rem;
        right: 0.5rem;
        gap: 0.5rem;
        padding: 0.25rem 0.75rem 0.25rem 0.25rem;
      }
      svg {
        width: 2.75rem;
        height: 2.75rem;
      }
      .words {
        font-size: 1rem;
      }
    }
  `;

  /** The check's latest state; null hides the prompt. */
  @property({ attribute: false }) progress: LivenessProgress | null = null;

  protected override updated(): void {
    const progress = this.progress;
    this.toggleAttribute('hidden', progress === null);
    if (!progress) return;
    this.dataset.status = progress.status;
    this.dataset.step = String(progress.current);
    // The measured pose, for diagnostics (a test records it when a step is not met).
    this.dataset.pose = `yaw ${progress.pose.yawDeg.toFixed(1)} pitch ${progress.pose.pitchDeg.toFixed(1)} mouth ${progress.pose.mouthOpenness.toFixed(2)}`;
    if (progress.status === 'action') this.dataset.action = progress.actions[progress.current];
    else delete this.dataset.action;
  }

  override render() {
    const progress = this.progress;
    if (!progress || progress.status === 'passed' || progress.status === 'failed') return nothing;
    const glyph = progress.status === 'action' ? GLYPHS[progress.actions[progress.current]!] : GLYPHS.face;
    const seconds = Math.ceil(progress.timeLeftMs / 1000);
    const step = progress.status === 'action' ? `Step ${progress.current + 1} of ${progress.actions.length} · ` : '';
    return html`<div class="bar" aria-hidden="true">
      <svg viewBox="0 0 64 64" fill="none" stroke-width="4" stroke-linecap="round" stroke-linejoin="round">
        <circle class="track" cx="32" cy="32" r=${RING_RADIUS} />
        <circle
          class="fill"
          cx="32"
          cy="32"
          r=${RING_RADIUS}
          transform="rotate(-90 32 32)"
          stroke-dasharray=${RING_LENGTH}
          stroke-dashoffset=${RING_LENGTH * (1 - progress.holdFraction)}
        />
        <g class="glyph">${glyph}</g>
      </svg>
      <div>
        <div class="words">${instruction(progress)}</div>
        <div class="meta ${seconds <= 3 ? 'urgent' : ''}">${step}${seconds} s left</div>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fp-liveness-prompt': FpLivenessPrompt;
  }
}
