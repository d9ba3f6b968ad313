import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { FaceAnalysis } from '../engine-facade';
import { overlayState, type OverlayState } from '../logic/overlay-state';

/** Fallbacks for the --fp-overlay-* custom properties: light enough to read over the dark outline. */
const COLOURS: Record<Exclude<OverlayState, 'searching'>, string> = {
  adjust: '#f7c948',
  checking: '#ffffff',
  match: '#3fd068',
  'no-match': '#ff6b5e',
  several: '#ff6b5e',
};

/**
 * Draws what the engine sees over the camera picture: every face box, the 68 landmarks of the target
 * face, and a guide oval while no face is found. Sized in frame pixels and stretched over the picture.
 * Every line is drawn twice, a dark outline under a light stroke, so it reads over any background;
 * the box's colour follows the state (amber: adjust, white: checking, green: match or a good sample,
 * red: no match or several faces), and a refusal is also dashed, so colour is not the only signal.
 */
@customElement('fp-face-overlay')
export class FpFaceOverlay extends LitElement {
  static override styles = css`
    :host {
      display: block;
      width: 100%;
      height: 100%;
      pointer-events: none;
    }
    canvas {
      width: 100%;
      height: 100%;
      display: block;
    }
  `;

  /** The latest analysis; null draws only the guide. */
  @property({ attribute: false }) analysis: FaceAnalysis | null = null;

  /**
   * Whether the target face passes the quality gates. Without an outcome (enrollment), a passing face
   * is drawn green: it is being taken as a sample.
   */
  @property({ type: Boolean }) passed = false;

  /** Set while verifying: a passing face is then "checking" until a verdict comes. */
  @property({ type: Boolean }) verifying = false;

  /** While verifying: the latest frame's verdict; null until there is one. */
  @property({ attribute: false }) outcome: 'match' | 'no-match' | null = null;

  /** The state drawn, reflected for tests and styling. */
  @property({ reflect: true, attribute: 'data-state' }) state: OverlayState = 'searching';

  @query('canvas') private canvas!: HTMLCanvasElement;

  override render() {
    return html`<canvas aria-hidden="true"></canvas>`;
  }

  protected override willUpdate(): void {
    // Enrollment passes no outcome: a face that passes the gates is a good sample.
    const outcome = this.verifying ? this.outcome : 'match';
    this.state = overlayState(this.analysis?.faces.length ?? 0, this.passed, outcome);
  }

  protected override updated(): void {
    this.draw();
  }

  private colour(state: Exclude<OverlayState, 'searching'>): string {
    return getComputedStyle(this).getPropertyValue(`--fp-overlay-${state}`).trim() || COLOURS[state];
  }

  private draw(): void {
    const canvas = this.canvas;
    const analysis = this.analysis;
    const width = analysis?.frameWidth ?? 640;
    const height = analysis?.frameHeight ?? 480;
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, width, height);
    const unit = Math.max(1, width / 320);
    const outline = 'rgb(0 0 0 / 65%)';

    const stroke = (path: () => void, colour: string, lineWidth: number, dash: number[] = []) => {
      ctx.setLineDash(dash);
      ctx.lineJoin = 'round';
      for (const [style, extra] of [
        [outline, 2 * unit],
        [colour, 0],
      ] as const) {
        ctx.beginPath();
        path();
        ctx.strokeStyle = style;
        ctx.lineWidth = lineWidth + extra;
        ctx.stroke();
      }
      ctx.setLineDash([]);
    };

    const target = this.state;
    if (target === 'searching' || !analysis) {
      stroke(
        () => ctx.ellipse(width / 2, height / 2, width * 0.17, height * 0.3, 0, 0, Math.PI * 2),
        'rgb(255 255 255 / 90%)',
        1.5 * unit,
        [6 * unit, 5 * unit],
      );
      return;
    }

    for (const face of analysis.faces) {
      const isTarget = face === analysis.target;
      const state = isTarget ? target : 'several';
      const { x, y, width: w, height: h } = face.box;
      const dash = state === 'no-match' || state === 'several' ? [8 * unit, 4 * unit] : [];
      stroke(() => ctx.rect(x, y, w, h), this.colour(state), (isTarget ? 2 : 1.5) * unit, dash);
      if (!isTarget) continue;
      const points = face.landmarks;
      for (let i = 0; i + 1 < points.length; i += 2) {
        ctx.beginPath();
        ctx.arc(points[i]!, points[i + 1]!, 1.6 * unit, 0, Math.PI * 2);
        ctx.fillStyle = outline;
        ctx.fill();
        ctx.beginPath();
        ctx.arc(points[i]!, points[i + 1]!, 1.0 * unit, 0, Math.PI * 2);
        ctx.fillStyle = 'rgb(255 255 255 / 95%)';
        ctx.fill();
      }
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fp-face-overlay': FpFaceOverlay;
  }
}
