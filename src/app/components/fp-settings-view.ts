import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Calibration } from '../../calibration/calibration';
import type { ModelSpec, PersistenceRecord } from '../../storage';
import type { EngineState } from '../engine-state';
import { emit } from '../events';
import { sharedStyles } from '../styles/shared';
import { describeThreshold, formatThreshold } from '../logic/threshold-text';
import { readOfflineStatus, type OfflineStatus } from '../offline-status';
import { CONSENSUS_FRAMES } from '../logic/decision';
import { requireOwner } from '../owner-gate';
import { trustServices } from '../trust-services';
import './fp-alert';
import './fp-attempt-log';
import './fp-owner-card';

const THRESHOLD_MIN = 0.3;
const THRESHOLD_MAX = 0.9;
const SAVE_STATE_TEXT = {
  none: '',
  saving: 'Saving…',
  saved: 'Saved on this device',
  // The storage problem itself is explained in the app's alert.
  failed: 'Not saved',
} as const;

/**
 * Settings: the verification threshold (with the false-match rate it corresponds to when the
 * calibration has a ROC; changing it needs the owner), where the calibration comes from, the engine,
 * the owner and the attempt limit, the attempt log, and this device's storage.
 *
 * @fires fp-threshold-change - A threshold was chosen, or null to return to the calibrated one.
 */
@customElement('fp-settings-view')
export class FpSettingsView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .card {
        margin-bottom: 1rem;
        max-width: 46rem;
      }
      .slider {
        display: flex;
        align-items: center;
        gap: 1rem;
      }
      input[type='range'] {
        flex: 1;
        accent-color: var(--fp-accent);
      }
      output {
        font-size: 1.5rem;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
        min-width: 3.5rem;
        text-align: right;
      }
      .scale {
        display: flex;
        justify-content: space-between;
        color: var(--fp-muted);
        font-size: 0.85rem;
        margin-bottom: 0.75rem;
      }
      .meaning {
        background: var(--fp-surface-2);
        border-radius: 8px;
        padding: 0.6rem 0.75rem;
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
        overflow-wrap: anywhere;
      }
      .save-state {
        align-self: center;
        color: var(--fp-muted);
        font-size: 0.9rem;
      }
      fp-alert {
        display: block;
        margin-top: 0.75rem;
      }
      /* Phones: each term above its value, so long values (the model id) get the full width. */
      @media (max-width: 40rem) {
        .card {
          padding: 1rem;
        }
        dl {
          grid-template-columns: 1fr;
          gap: 0;
        }
        dd {
          margin-bottom: 0.5rem;
        }
      }
    `,
  ];

  /** The calibration shipped with the app. */
  @property({ attribute: false }) calibration: Calibration | null = null;

  /** The threshold in force. */
  @property({ type: Number }) threshold = 0.6;

  /** Whether the latest threshold change has been stored on this device (null: no change yet). */
  @property({ attribute: false }) saveState: 'saving' | 'saved' | 'failed' | null = null;

  /** The face engine, to show what runs. */
  @property({ attribute: false }) engine: EngineState = { status: 'loading', progress: null };

  /** The model the app expects. */
  @property({ attribute: false }) model: ModelSpec | null = null;

  /** The app's offline cache finished filling (from the service worker); the offline card is re-read. */
  @property({ type: Boolean }) offlineReady = false;

  /** Whether enrollment and verification ask for the liveness challenge. */
  @property({ type: Boolean }) liveness = true;

  /** The slider's value while it is being dragged. */
  @state() private draft: number | null = null;
  @state() private storage: { usage: number; quota: number; persisted: boolean } | null = null;
  /** The answer to the persist() request made after the first enrollment, if it was made. */
  @state() private persistence: PersistenceRecord | null = null;
  @state() private offline: OfflineStatus | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.readStorage();
  }

  private async readStorage(): Promise<void> {
    this.persistence = await trustServices()
      .device.loadPersistence()
      .catch(() => null);
    if (!navigator.storage?.estimate) return;
    const [estimate, persisted, offline] = await Promise.all([
      navigator.storage.estimate(),
      navigator.storage.persisted?.() ?? false,
      readOfflineStatus(),
    ]);
    this.storage = { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0, persisted };
    this.offline = offline;
  }

  private async persist(): Promise<void> {
    await navigator.storage?.persist?.();
    await this.readStorage();
  }

  private onInput(event: Event): void {
    this.draft = Number((event.target as HTMLInputElement).value);
  }

  private async onChange(event: Event): Promise<void> {
    const slider = event.target as HTMLInputElement;
    const value = Number(slider.value);
    // The draft stays shown until the shell applies the new threshold (see willUpdate).
    this.draft = value;
    if (!(await requireOwner('threshold'))) {
      this.draft = null;
      slider.value = String(this.threshold);
      return;
    }
    emit(this, 'fp-threshold-change', { threshold: value });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('threshold') && this.draft === this.threshold) this.draft = null;
    if (changed.has('offlineReady')) void this.readStorage();
  }

  private async onLivenessChange(event: Event): Promise<void> {
    const box = event.target as HTMLInputElement;
    const enabled = box.checked;
    if (!(await requireOwner('liveness'))) {
      box.checked = this.liveness;
      return;
    }
    emit(this, 'fp-liveness-change', { enabled });
  }

  private async reset(): Promise<void> {
    if (!(await requireOwner('threshold'))) return;
    this.draft = null;
    emit(this, 'fp-threshold-change', { threshold: null });
  }

  override render() {
    const calibration = this.calibration;
    const value = this.draft ?? this.threshold;
    const engine = this.engine;
    const engineModel = engine.status === 'ready' ? engine.service.modelId : null;
    const mismatch = calibration && engineModel && engineModel !== calibration.modelId;
    return html`<section aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <p class="lead">Everything runs on this device: no image, face data or result is sent anywhere.</p>

      <div class="card">
        <h3>Match threshold</h3>
        <p>
          Two faces match when the distance between their embeddings is at or below the threshold. Lower is stricter:
          fewer other people accepted, more failed attempts by the right person. A decision needs ${CONSENSUS_FRAMES}
          frames in a row that agree.
        </p>
        <div class="slider">
          <input
            id="threshold"
            type="range"
            min=${THRESHOLD_MIN}
            max=${THRESHOLD_MAX}
            step="0.01"
            .value=${String(value)}
            @input=${this.onInput}
            @change=${this.onChange}
            aria-label="Match threshold"
            aria-describedby="threshold-meaning"
          />
          <output for="threshold" aria-live="polite">${formatThreshold(value)}</output>
        </div>
        <div class="scale" aria-hidden="true"><span>Stricter</span><span>More lenient</span></div>
        <p class="meaning" id="threshold-meaning">
          ${calibration ? html`At ${formatThreshold(value)}: ${describeThreshold(calibration, value)}.` : null}
        </p>
        <div class="actions">
          ${
            calibration === null
              ? null
              : value === calibration.threshold
                ? html`<span data-calibrated>This is the calibrated threshold (the one measured on LFW).</span>`
                : html`<button @click=${this.reset}>
                    Go back to the calibrated threshold (${formatThreshold(calibration.threshold)})
                  </button>`
          }
          <span class="save-state" role="status">${SAVE_STATE_TEXT[this.saveState ?? 'none']}</span>
        </div>
        ${
          mismatch
            ? html`<fp-alert tone="warning" heading="Calibration is for another model">
                The calibration was made for ${calibration.modelId}, but the engine runs ${engineModel}; the threshold's
                meaning is unknown.
              </fp-alert>`
            : null
        }
      </div>

      ${this.renderLiveness()}

      <div class="card">
        <h3>Calibration and model</h3>
        <dl>
          <dt>Calibration</dt>
          <dd>
            ${
              calibration?.source === 'lfw-eval'
                ? `Measured on ${calibration.pairs?.toLocaleString()} LFW pairs, pipeline ${calibration.pipeline}`
                : 'dlib’s published default threshold, not yet measured for this app'
            }
          </dd>
          <dt>Calibrated threshold</dt>
          <dd>${calibration ? formatThreshold(calibration.threshold) : '—'}</dd>
          ${
            calibration?.source === 'lfw-eval'
              ? html`<dt>Measured on</dt>
                  <dd>${new Date(calibration.generated).toLocaleDateString()}</dd>`
              : null
          }
          <dt>Face model</dt>
          <dd class="mono">${engineModel ?? this.model?.modelId}</dd>
          <dt>Embedding length</dt>
          <dd>${engine.status === 'ready' ? engine.service.vectorLength : this.model?.vectorLength}</dd>
          <dt>Engine</dt>
          <dd>
            ${engine.status === 'ready' ? (engine.service.runsInSoftware ? 'Ready (WebGPU in software, on the processor)' : 'Ready (WebGPU)') : engine.status === 'loading' ? 'Loading…' : engine.problem.title}
          </dd>
          ${
            engine.status === 'ready'
              ? html`<dt>Pipeline</dt>
                  <dd data-pipeline=${engine.service.pipeline.id}>
                    ${engine.service.pipeline.summary} (<span class="mono">${engine.service.pipeline.id}</span>)
                  </dd>`
              : null
          }
        </dl>
      </div>

      <div class="card"><fp-owner-card></fp-owner-card></div>

      <div class="card"><fp-attempt-log></fp-attempt-log></div>

      <div class="card">
        <h3>Offline use</h3>
        ${
          this.offline
            ? html`<p data-offline=${this.offline.state}>${offlineText(this.offline)}</p>`
            : html`<p>Checking what is saved on this device…</p>`
        }
      </div>

      <div class="card">
        <h3>Storage on this device</h3>
        ${
          this.storage
            ? html`<p>
                Faceprint uses ${formatBytes(this.storage.usage)} of the ${formatBytes(this.storage.quota)} this browser
                allows it: the enrollments and
                settings${
                  this.offline?.state === 'ready'
                    ? ', and the offline copy of the app and its face models'
                    : '; the face models are not stored here (see Offline use)'
                }.
              </p>`
            : html`<p>This browser does not report storage use.</p>`
        }
        <p data-persisted=${String(this.storage?.persisted ?? false)}>
          ${
            this.storage?.persisted
              ? 'Persistent storage is granted: the browser will keep enrollments even when disk space runs low.'
              : html`Persistent storage is <strong>not granted</strong>. If the disk runs low, the browser may delete
                  Faceprint’s data without asking, and with it every enrolled face, the owner and the attempt log; the
                  faces would have to be enrolled again, or imported from a sealed export.`
          }
        </p>
        <p
          data-persistence-request=${this.persistence ? (this.persistence.granted ? 'granted' : 'refused') : 'not-asked'}
        >
          ${
            this.persistence
              ? `Asked after the first enrollment (${new Date(this.persistence.requestedAt).toLocaleString()}): the browser ${this.persistence.granted ? 'granted' : 'refused'} it.`
              : 'Faceprint asks for it after the first enrollment.'
          }
          ${this.storage?.persisted ? null : ' Browsers grant it more readily to installed apps and bookmarked sites.'}
        </p>
        ${
          this.storage && !this.storage.persisted
            ? html`<div class="actions">
                <button @click=${this.persist}>
                  ${this.persistence ? 'Ask again to keep my data' : 'Ask to keep my data now'}
                </button>
              </div>`
            : null
        }
      </div>
    </section>`;
  }

  private renderLiveness() {
    return html`<div class="card">
      <h3>Liveness check</h3>
      <p>
        Before a face is enrolled or accepted, Faceprint asks for a few head movements in a random order (turn left,
        turn right, look up or open your mouth), so that a photo or a printed picture held up to the camera is refused.
        It does not stop a realistic 3D mask, or a video fed to the browser as a fake camera that answers the movements
        as they are asked.
      </p>
      <label class="choice">
        <input type="checkbox" .checked=${this.liveness} @change=${this.onLivenessChange} />
        Ask for head movements (recommended)
      </label>
      ${
        this.liveness
          ? null
          : html`<fp-alert tone="warning" heading="The liveness check is off" data-state="liveness-off">
              Anyone holding up a photo, a printed picture or a screen showing an enrolled person can now be accepted as
              that person, and a face can be enrolled from a photo. Turn it off only if you cannot make the movements.
            </fp-alert>`
      }
    </div>`;
  }
}

function offlineText(offline: OfflineStatus): string {
  const models = formatBytes(offline.modelBytes);
  switch (offline.state) {
    case 'ready':
      return `Faceprint works offline: the app and its face models (${formatBytes(offline.cachedModelBytes)}) are saved on this device.`;
    case 'caching':
      return `Saving the app and its face models (${models}) for offline use… Keep this page open; it works offline once they are saved.`;
    case 'dev-server':
      return (
        `Not in this development server. Offline use comes from a service worker that only the production build ` +
        `installs (npm run build, then npm run preview); here the face models (${models}) are downloaded on each visit ` +
        'and nothing is saved for offline use.'
      );
    case 'unsupported':
      return `This browser cannot keep Faceprint for offline use (service workers are not available); the face models (${models}) are downloaded on each visit.`;
  }
}

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}

declare global {
  interface HTMLElementTagNameMap {
    'fp-settings-view': FpSettingsView;
  }
}
