import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { CameraController, type CameraStatus } from '../controllers/camera-controller';
import { emit } from '../events';
import { sharedStyles } from '../styles/shared';
import './fp-alert';

/** Consecutive frames that may fail to be grabbed before the camera is reported as failing. */
const MAX_FAILED_CAPTURES = 10;

/**
 * The webcam preview. While `active`, it streams from the chosen camera (its CameraController owns the
 * MediaStream and releases it when deactivated or removed); `captureFrame()` hands out the current
 * frame. An overlay placed in the `overlay` slot is laid exactly over the picture and mirrored with it.
 *
 * @fires fp-camera-status - The camera started, stopped or failed; detail has a Problem on failure.
 * @fires fp-camera-change - The person chose another camera.
 * @slot overlay - Drawn over the picture in frame coordinates (e.g. fp-face-overlay).
 * @slot picture - Drawn over the picture, not mirrored (instructions, arrows).
 * @slot caption - Text over the bottom of the picture, not mirrored.
 */
@customElement('fp-camera')
export class FpCamera extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .stage {
        position: relative;
        width: 100%;
        aspect-ratio: var(--fp-camera-aspect, 4 / 3);
        background: #0d1117;
        border-radius: var(--fp-radius);
        overflow: hidden;
      }
      [hidden] {
        display: none !important;
      }
      video,
      .overlay {
        position: absolute;
        inset: 0;
        width: 100%;
        height: 100%;
      }
      video {
        object-fit: contain;
      }
      .mirrored {
        transform: scaleX(-1);
      }
      .caption {
        position: absolute;
        left: 0;
        right: 0;
        bottom: 0;
      }
      .placeholder {
        position: absolute;
        inset: 0;
        display: grid;
        place-items: center;
        color: #c9d1d9;
        text-align: center;
        padding: 1rem;
      }
      .picker {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        margin-top: 0.6rem;
      }
      .picker label {
        font-weight: 500;
        color: var(--fp-muted);
      }
      fp-alert {
        margin-top: 0.75rem;
      }
    `,
  ];

  /** Stream while true; release the camera when false. */
  @property({ type: Boolean, reflect: true }) active = false;

  /** The camera to use (MediaDeviceInfo.deviceId); null for the default front camera. */
  @property({ attribute: false }) deviceId: string | null = null;

  /** Show the picture as a mirror, as people expect of a front camera. */
  @property({ type: Boolean }) mirrored = true;

  private readonly camera = new CameraController(this);
  private reportedStatus: CameraStatus = 'idle';
  private failedCaptures = 0;

  @query('video') private video!: HTMLVideoElement;

  /**
   * A snapshot of the current frame, or null while the camera is not streaming yet or when this one
   * frame could not be grabbed. Close it after use.
   */
  async captureFrame(): Promise<ImageBitmap | null> {
    const video = this.video;
    if (
      this.camera.status !== 'live' ||
      !video ||
      video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA ||
      video.videoWidth === 0
    ) {
      return null;
    }
    try {
      const frame = await createImageBitmap(video);
      this.failedCaptures = 0;
      return frame;
    } catch (error) {
      // A single frame can fail to allocate or decode (a busy GPU process, a stream that is restarting,
      // seen after an offline reload): skip it. Only a camera that keeps failing is an error.
      if (++this.failedCaptures < MAX_FAILED_CAPTURES) return null;
      this.failedCaptures = 0;
      throw error;
    }
  }

  /** Tries to start the camera again after a failure. */
  retry(): void {
    void this.camera.start(this.deviceId);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const activeChanged = changed.has('active') && (changed.get('active') !== undefined || this.active);
    const deviceChanged = changed.has('deviceId') && this.active && this.deviceId !== this.camera.activeDeviceId;
    if (activeChanged || (deviceChanged && !changed.has('active'))) {
      if (this.active) void this.camera.start(this.deviceId);
      else this.camera.stop();
    }
  }

  protected override updated(): void {
    if (this.camera.status !== this.reportedStatus) {
      this.reportedStatus = this.camera.status;
      emit(this, 'fp-camera-status', { status: this.camera.status, problem: this.camera.problem });
    }
  }

  private onMetadata(): void {
    const { videoWidth, videoHeight } = this.video;
    if (videoWidth > 0 && videoHeight > 0)
      this.style.setProperty('--fp-camera-aspect', `${videoWidth} / ${videoHeight}`);
    void this.video.play().catch(() => undefined);
  }

  private onPick(event: Event): void {
    const deviceId = (event.target as HTMLSelectElement).value;
    emit(this, 'fp-camera-change', { deviceId });
    this.deviceId = deviceId;
  }

  override render() {
    const { status, problem, devices, stream } = this.camera;
    return html`
      <div class="stage">
        <video
          class=${this.mirrored ? 'mirrored' : ''}
          .srcObject=${stream}
          autoplay
          muted
          playsinline
          aria-label="Camera preview"
          @loadedmetadata=${this.onMetadata}
        ></video>
        <div class="overlay ${this.mirrored ? 'mirrored' : ''}" ?hidden=${status !== 'live'}>
          <slot name="overlay"></slot>
        </div>
        <div class="overlay" ?hidden=${status !== 'live'}><slot name="picture"></slot></div>
        ${status === 'starting' ? html`<div class="placeholder">Starting the camera…</div>` : null}
        ${status === 'idle' ? html`<div class="placeholder">Camera off</div>` : null}
        ${problem ? html`<div class="placeholder">${problem.title}</div>` : null}
        <div class="caption"><slot name="caption"></slot></div>
      </div>
      ${
        problem
          ? html`<fp-alert tone="error" heading=${problem.title} data-problem=${problem.kind}>
              ${problem.message}
              <div slot="actions"><button @click=${this.retry}>Try again</button></div>
            </fp-alert>`
          : null
      }
      ${
        devices.length > 1
          ? html`<div class="picker">
              <label for="camera-select">Camera</label>
              <select id="camera-select" @change=${this.onPick}>
                ${devices.map(
                  (device) =>
                    html`<option value=${device.deviceId} ?selected=${device.deviceId === this.camera.activeDeviceId}>
                      ${device.label}
                    </option>`,
                )}
              </select>
            </div>`
          : null
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fp-camera': FpCamera;
  }
}
