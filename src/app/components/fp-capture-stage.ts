import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { FaceAnalysis, LoadProgress } from '../engine-facade';
import { sharedStyles } from '../styles/shared';
import type { FpCamera } from './fp-camera';
import './fp-camera';
import './fp-face-overlay';
import './fp-load-progress';

/**
 * Where a face is captured: the camera with the face overlay and a caption on the picture, and beside
 * it a panel with a heading, the engine's loading progress, the hint (a polite live region) and
 * whatever the view adds. Enrollment and verification both use it; a CaptureSessionController takes
 * frames from it with `captureFrame()`.
 *
 * @fires fp-camera-status - From the camera: it started, stopped or failed.
 * @fires fp-camera-change - From the camera: the person chose another camera.
 * @slot - The panel's content below the hint (progress, checklist, actions).
 * @slot status - The panel's content above the hint (counts, the challenge's step).
 * @slot picture - Drawn over the picture, not mirrored (e.g. the challenge's arrow and ring).
 */
@customElement('fp-capture-stage')
export class FpCaptureStage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: minmax(0, 3fr) minmax(16rem, 2fr);
        gap: 1.25rem;
        align-items: start;
      }
      @media (max-width: 52rem) {
        :host {
          grid-template-columns: 1fr;
        }
      }
      .side {
        display: flex;
        flex-direction: column;
        gap: 0.25rem;
      }
      h3 {
        margin-top: 0;
      }
      .hint {
        min-height: 3rem;
        font-weight: 600;
        padding: 0.6rem 0.75rem;
        border-radius: 8px;
        background: var(--fp-surface-2);
      }
      /* Work in progress (a frame being analysed, a sample being saved): a spinner before the words. */
      .hint[data-busy] {
        display: flex;
        align-items: center;
        gap: 0.6rem;
      }
      .hint[data-busy]::before {
        content: '';
        flex: none;
        width: 1.1rem;
        height: 1.1rem;
        border-radius: 50%;
        border: 3px solid var(--fp-border);
        border-top-color: var(--fp-accent);
        animation: fp-spin 0.9s linear infinite;
      }
      @keyframes fp-spin {
        to {
          transform: rotate(360deg);
        }
      }
      @media (prefers-reduced-motion: reduce) {
        .hint[data-busy]::before {
          animation-duration: 3s;
        }
      }
      .caption {
        margin: 0.75rem;
        padding: 0.45rem 0.75rem;
        border-radius: 8px;
        background: rgb(13 17 23 / 72%);
        color: #fff;
        font-weight: 600;
        text-align: center;
      }
      fp-load-progress {
        display: block;
        margin-bottom: 1rem;
      }
      /*
       * Phones: the camera and what to do next share the screen. The camera is capped to about a third
       * of the height, and the panel leads with the instruction (and an alert saying why the capture
       * stopped, with its Try again), the count (the status slot), then the actions (Cancel, Stop), then
       * the rest (the checklist).
       */
      @media (max-width: 40rem) {
        :host {
          gap: 0.6rem;
        }
        fp-camera {
          width: min(100%, calc(36svh * 4 / 3));
          margin: 0 auto;
        }
        .side.card {
          padding: 0.75rem;
        }
        .side > *,
        ::slotted(*) {
          order: 5;
        }
        .side > h3 {
          order: 0;
          margin-bottom: 0.25rem;
        }
        .side > fp-load-progress,
        .side > .hint,
        ::slotted(fp-alert) {
          order: 1;
        }
        ::slotted([slot='status']) {
          order: 2;
          margin-bottom: 0.5rem;
        }
        ::slotted(.actions) {
          order: 3;
          margin-bottom: 0.5rem;
        }
        .hint {
          min-height: 0;
          margin-bottom: 0.5rem;
        }
      }
    `,
  ];

  /** Stream while true; the camera is released when false. */
  @property({ type: Boolean }) active = false;

  /** The camera to use; null for the default front camera. */
  @property({ attribute: false }) cameraId: string | null = null;

  /** The latest analysed frame, drawn over the picture. */
  @property({ attribute: false }) analysis: FaceAnalysis | null = null;

  /** Whether the latest frame passed the quality gates. */
  @property({ type: Boolean }) passed = false;

  /** Verification: a passing face is "checking" until a verdict comes (see fp-face-overlay). */
  @property({ type: Boolean }) verifying = false;

  /** While verifying: the latest frame's verdict, which colours the face box; null until there is one. */
  @property({ attribute: false }) outcome: 'match' | 'no-match' | null = null;

  /** Short text over the bottom of the picture (the quality problem); empty for none. */
  @property() caption = '';

  /** The panel's heading. */
  @property() heading = '';

  /** What the person should do now; announced politely when it changes. */
  @property() hint = '';

  /** Work is under way (a frame being analysed, samples being saved): the hint shows a spinner. */
  @property({ type: Boolean }) busy = false;

  /** The engine's load progress while it loads; null once it is ready. */
  @property({ attribute: false }) loading: LoadProgress | null | undefined = undefined;

  @query('fp-camera') private camera?: FpCamera;

  /** The current camera frame, or null while there is none; close it after use. */
  async captureFrame(): Promise<ImageBitmap | null> {
    return (await this.camera?.captureFrame()) ?? null;
  }

  override render() {
    return html`<div class="picture">
        <fp-camera .active=${this.active} .deviceId=${this.cameraId}>
          <fp-face-overlay
            slot="overlay"
            .analysis=${this.analysis}
            ?passed=${this.passed}
            ?verifying=${this.verifying}
            .outcome=${this.outcome}
          ></fp-face-overlay>
          ${this.caption ? html`<div slot="caption" class="caption" aria-hidden="true">${this.caption}</div>` : null}
          <slot name="picture" slot="picture"></slot>
        </fp-camera>
      </div>
      <div class="card side">
        <h3>${this.heading}</h3>
        ${this.loading !== undefined ? html`<fp-load-progress .progress=${this.loading}></fp-load-progress>` : null}
        <slot name="status"></slot>
        <p class="hint" ?data-busy=${this.busy} role="status" aria-live="polite">${this.hint}</p>
        <slot></slot>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fp-capture-stage': FpCaptureStage;
  }
}
