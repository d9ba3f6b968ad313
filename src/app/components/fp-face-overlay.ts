import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { FaceAnalysis } from '../engine-facade';

/**
 * Draws what the engine sees over the camera picture: every face box, the 68 landmarks of the target
 * face, and a guide oval while no face is found. Sized in frame pixels and stretched over the picture.
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

  /** Whether the target face passes the quality gates: green box when true, amber when false. */
  @property({ type: Boolean }) passed = false;

  @query('canvas') private canvas!: HTMLCanvasElement;

  override render() {
    return html`<canvas aria-hidden="true"></canvas>`;
  }

  protected override updated(): void {
    this.draw();
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
    const styles = getComputedStyle(this);
    const ok = styles.getPropertyValue('--fp-overlay-ok').trim() || '#2ea043';
    const warn = styles.getPropertyValue('--fp-overlay-warn').trim() || '#f0b429';
    const other = styles.getPropertyValue('--fp-overlay-other').trim() || '#f85149';

    if (!analysis || analysis.faces.length === 0) {
      ctx.setLineDash([6 * unit, 5 * unit]);
      ctx.lineWidth = 1.5 * unit;
      ctx.strokeStyle = 'rgb(255 255 255 / 70%)';
      ctx.beginPath();
      ctx.ellipse(width / 2, height / 2, width * 0.17, height * 0.3, 0, 0, Math.PI * 2);
      ctx.stroke();
      ctx.setLineDash([]);
      return;
    }

    for (const face of analysis.faces) {
      const isTarget = face === analysis.target;
      const { x, y, width: w, height: h } = face.box;
      ctx.lineWidth = (isTarget ? 2 : 1.5) * unit;
      ctx.strokeStyle = !isTarget || analysis.faces.length > 1 ? other : this.passed ? ok : warn;
      ctx.strokeRect(x, y, w, h);
      if (!isTarget) continue;
      ctx.fillStyle = 'rgb(255 255 255 / 85%)';
      const points = face.landmarks;
      for (let i = 0; i + 1 < points.length; i += 2) {
        ctx.beginPath();
        ctx.arc(points[i], points[i + 1], 1.2 * unit, 0, Math.PI * 2);
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
