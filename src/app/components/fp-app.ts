import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Calibration } from '../../calibration/calibration';
import {
  DEFAULT_PREFERENCES,
  EnrollmentStore,
  StorageOutdatedError,
  type PersonRecord,
  type Preferences,
} from '../../storage';
import { FaceService, hasWebGpuApi } from '../engine-facade';
import { calibrationOf, type EngineState } from '../engine-state';
import type { ViewName } from '../events';
import {
  GPU_RECOVERING,
  NO_WEBGPU,
  SOFTWARE_RENDERER,
  SOFTWARE_RENDERER_ADVICE,
  STORAGE_BLOCKED,
  describeEngineError,
  describeStorageError,
  type Problem,
} from '../messages';
import { APP_MODEL } from '../model-info';
import { registerServiceWorker } from '../pwa';
import { sharedStyles } from '../styles/shared';
import { TrustController } from '../controllers/trust-controller';
import { requireOwner } from '../owner-gate';
import { installTestHooks } from '../test-hooks';
import './fp-alert';
import './fp-attempt-guard';
import './fp-enroll-view';
import './fp-lab-view';
import './fp-load-progress';
import './fp-people-view';
import './fp-settings-view';
import './fp-verify-view';

const VIEWS: { name: ViewName; label: string }[] = [
  { name: 'enroll', label: 'Enroll' },
  { name: 'verify', label: 'Verify' },
  { name: 'people', label: 'People' },
  { name: 'settings', label: 'Settings' },
  { name: 'lab', label: 'Lab' },
];

/** localStorage key: the person closed the "no graphics acceleration" notice (it stays closed). */
const SOFTWARE_NOTICE_DISMISSED = 'faceprint.software-notice-dismissed';

// localStorage can be missing or throw (storage switched off); the notice then simply shows again.
function readFlag(key: string): boolean {
  try {
    return localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
}

function writeFlag(key: string): void {
  try {
    localStorage.setItem(key, '1');
  } catch {
    // Not remembered; closed for this visit only.
  }
}

/** The verify view, set to check `person` (1:1). */
const verifyRoute = (person: PersonRecord) => `#/verify?person=${encodeURIComponent(person.id)}`;

interface Route {
  /** null: no hash yet; the shell picks enroll or verify. */
  view: ViewName | null;
  params: URLSearchParams;
}

function readRoute(): Route {
  const [path = '', query = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const view = VIEWS.find((v) => v.name === path)?.name ?? null;
  return { view, params: new URLSearchParams(query) };
}

/**
 * The application shell: header, navigation between the enroll, verify, people and settings views
 * (hash routes, so they work offline and with the back button), the face engine's lifecycle and
 * loading bar, the enrollment store, preferences, and storage or update notices.
 */
@customElement('fp-app')
export class FpApp extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        min-height: 100vh;
      }
      header {
        background: var(--fp-surface);
        border-bottom: 1px solid var(--fp-border);
      }
      .bar {
        max-width: 72rem;
        margin: 0 auto;
        padding: 0.75rem 1.25rem;
        display: flex;
        align-items: center;
        gap: 0.75rem 2rem;
      }
      .brand {
        display: flex;
        align-items: center;
        gap: 0.6rem;
        color: var(--fp-text);
        text-decoration: none;
        min-height: 2.75rem;
      }
      .brand svg {
        width: 2rem;
        height: 2rem;
        color: var(--fp-accent);
        flex: none;
      }
      .brand h1 {
        font-size: 1.25rem;
        margin: 0;
        letter-spacing: -0.01em;
      }
      .brand small {
        display: block;
        color: var(--fp-muted);
        font-size: 0.8rem;
        font-weight: 400;
      }
      nav ul {
        list-style: none;
        display: flex;
        gap: 0.25rem;
        margin: 0;
        padding: 0;
      }
      nav a {
        display: flex;
        align-items: center;
        justify-content: center;
        min-height: 2.75rem;
        padding: 0.45rem 0.9rem;
        border-radius: 8px;
        color: var(--fp-muted);
        font-weight: 600;
        text-decoration: none;
      }
      nav a:hover {
        background: var(--fp-surface-2);
        color: var(--fp-text);
      }
      nav a[aria-current='page'] {
        background: var(--fp-info-bg);
        color: var(--fp-accent);
      }
      .status {
        margin-left: auto;
        color: var(--fp-muted);
        font-size: 0.85rem;
        display: flex;
        align-items: center;
        gap: 0.4rem;
        text-align: right;
      }
      .dot {
        width: 0.6rem;
        height: 0.6rem;
        border-radius: 50%;
        background: var(--fp-muted);
        flex: none;
      }
      .dot.ready {
        background: var(--fp-success);
      }
      .dot.failed {
        background: var(--fp-danger);
      }
      .dot.loading {
        background: var(--fp-warning);
      }
      /* Phones: brand and status on one short row, the views as a full-width tab bar under it. */
      @media (max-width: 40rem) {
        .bar {
          display: grid;
          grid-template-columns: 1fr auto;
          padding: 0.4rem 0.75rem 0;
          gap: 0.25rem 0.75rem;
        }
        .brand h1 {
          font-size: 1.1rem;
        }
        .brand small {
          display: none;
        }
        .brand svg {
          width: 1.6rem;
          height: 1.6rem;
        }
        .status .offline,
        .notice-text {
          display: none;
        }
        .status {
          grid-column: 2;
          grid-row: 1;
          font-size: 0.8rem;
        }
        nav {
          grid-column: 1 / -1;
          margin: 0 -0.75rem;
          border-top: 1px solid var(--fp-border);
        }
        nav ul {
          display: grid;
          grid-auto-flow: column;
          grid-auto-columns: 1fr;
          gap: 0;
        }
        nav a {
          border-radius: 0;
          padding: 0.4rem 0.1rem;
          font-size: 0.9rem;
          border-bottom: 3px solid transparent;
        }
        nav a[aria-current='page'] {
          border-bottom-color: var(--fp-accent);
        }
      }
      .loading-bar {
        max-width: 72rem;
        margin: 0 auto;
        padding: 0 1.25rem 0.75rem;
      }

      main {
        max-width: 72rem;
        margin: 0 auto;
        padding: 1.5rem 1.25rem 3rem;
      }
      .notices fp-alert {
        display: block;
        margin-bottom: 1rem;
      }
      .notices .dismiss {
        width: 2.75rem;
        padding: 0;
        border-color: transparent;
        background: transparent;
        color: var(--fp-muted);
      }
      .notices details {
        display: inline;
      }
      .notices summary {
        display: inline;
        cursor: pointer;
        color: var(--fp-accent);
        text-decoration: underline;
      }
      .notices details[open] {
        display: block;
        margin-top: 0.25rem;
      }
      footer {
        max-width: 72rem;
        margin: 0 auto;
        padding: 0 1.25rem 2rem;
        color: var(--fp-muted);
        font-size: 0.85rem;
      }
      @media (max-width: 40rem) {
        .loading-bar {
          padding: 0.5rem 0.75rem;
        }
        main {
          padding: 1rem 0.75rem 2rem;
        }
        footer {
          padding: 0 0.75rem 1.5rem;
        }
      }
    `,
  ];

  @state() private route: Route = readRoute();
  @state() private engine: EngineState = { status: 'loading', progress: null };
  @state() private people: PersonRecord[] = [];
  @state() private peopleLoaded = false;
  @state() private preferences: Preferences = DEFAULT_PREFERENCES;
  /** Whether the latest preference change has reached the database (settings says so). */
  @state() private preferencesSave: 'saving' | 'saved' | 'failed' | null = null;
  /** Counts saves, so that only the latest one's outcome is shown. */
  private preferencesSaveCount = 0;
  @state() private storageProblem: Problem | null = null;
  @state() private storageBlocked = false;
  @state() private offlineReady = false;
  @state() private activateUpdate: (() => Promise<void>) | null = null;
  /** After a GPU device loss: 'recovering' until the engine is rebuilt, or why it could not go on. */
  @state() private deviceNotice: 'recovering' | Problem | null = null;
  @state() private softwareNoticeDismissed = readFlag(SOFTWARE_NOTICE_DISMISSED);

  private readonly store = new EnrollmentStore({
    onBlocked: () => {
      this.storageBlocked = true;
    },
    onVersionChange: () => {
      this.storageProblem = describeStorageError(new StorageOutdatedError());
    },
  });

  protected readonly trust = new TrustController(this);

  /** Enrolling needs the device owner (or sets one up); stable, so the enroll view is not updated for it. */
  private readonly authorizeEnroll = () => requireOwner('enroll');

  private readonly onHashChange = () => {
    this.route = readRoute();
    if (this.route.view === null && this.peopleLoaded) this.settleDefaultView();
  };

  constructor() {
    super();
    this.addEventListener('fp-people-changed', () => void this.reloadPeople());
    this.addEventListener('fp-threshold-change', (event) => {
      void this.savePreferences({
        ...this.preferences,
        threshold: event.detail.threshold,
        thresholdModelId: event.detail.threshold === null ? null : this.calibration.modelId,
      });
    });
    this.addEventListener('fp-camera-change', (event) => {
      void this.savePreferences({ ...this.preferences, cameraId: event.detail.deviceId });
    });
    this.addEventListener('fp-liveness-change', (event) => {
      void this.savePreferences({ ...this.preferences, liveness: event.detail.enabled });
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    void this.boot();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    if (this.engine.status === 'ready') this.engine.service.dispose();
    this.store.close();
  }

  private async boot(): Promise<void> {
    registerServiceWorker({
      onOfflineReady: () => {
        this.offlineReady = true;
      },
      onUpdateReady: (activate) => {
        this.activateUpdate = activate;
      },
    });
    void this.loadEngine();
    try {
      this.preferences = await this.store.loadPreferences();
    } catch (error) {
      this.storageProblem = describeStorageError(error);
    }
    await this.reloadPeople();
  }

  private async loadEngine(): Promise<void> {
    if (!hasWebGpuApi()) {
      this.engine = { status: 'failed', problem: NO_WEBGPU };
      return;
    }
    this.engine = { status: 'loading', progress: null };
    try {
      const service = await FaceService.load((progress) => {
        if (this.engine.status === 'loading') this.engine = { status: 'loading', progress };
      });
      if (!this.isConnected) {
        service.dispose();
        return;
      }
      this.engine = { status: 'ready', service };
      this.watchDevice(service);
    } catch (error) {
      console.error('Faceprint: the face engine did not start.', error);
      this.engine = { status: 'failed', problem: describeEngineError(error) };
    }
  }

  /** Shows the engine's GPU-loss recovery; a failure ends the engine (enrollments are not touched). */
  private watchDevice(service: FaceService): void {
    installTestHooks(service);
    service.onStatus((status) => {
      if (status.state === 'failed') {
        this.deviceNotice = describeEngineError(status.error);
        this.engine = { status: 'failed', problem: this.deviceNotice };
      } else {
        this.deviceNotice = status.state === 'recovering' ? 'recovering' : null;
      }
    });
  }

  private renderDeviceNotice() {
    const notice = this.deviceNotice;
    if (notice === null) return null;
    if (notice === 'recovering') {
      return html`<fp-alert tone="warning" heading=${GPU_RECOVERING.title} data-problem=${GPU_RECOVERING.kind}
        >${GPU_RECOVERING.message}</fp-alert
      >`;
    }
    return html`<fp-alert tone="error" heading=${notice.title} data-problem=${notice.kind}>
      ${notice.message}
      <div slot="actions"><button class="primary" @click=${() => location.reload()}>Reload</button></div>
    </fp-alert>`;
  }

  private async reloadPeople(): Promise<void> {
    try {
      this.people = await this.store.listPeople();
      if (this.route.view === null) this.settleDefaultView();
      this.storageBlocked = false;
      if (this.storageProblem?.kind !== 'storage-outdated') this.storageProblem = null;
    } catch (error) {
      this.storageProblem = describeStorageError(error);
    } finally {
      this.peopleLoaded = true;
    }
  }

  private async savePreferences(preferences: Preferences): Promise<void> {
    this.preferences = preferences;
    const save = ++this.preferencesSaveCount;
    this.preferencesSave = 'saving';
    try {
      await this.store.savePreferences(preferences);
      if (save === this.preferencesSaveCount) this.preferencesSave = 'saved';
    } catch (error) {
      if (save === this.preferencesSaveCount) this.preferencesSave = 'failed';
      this.storageProblem = describeStorageError(error);
    }
  }

  /** The threshold chosen in settings, while it is for the calibrated model; null: the calibrated one. */
  private get chosenThreshold(): number | null {
    const { threshold, thresholdModelId } = this.preferences;
    return threshold !== null && thresholdModelId === this.calibration.modelId ? threshold : null;
  }

  /** The calibration of the pipeline the engine runs (engine-facade.ts PIPELINES). */
  private get calibration(): Calibration {
    return calibrationOf(this.engine);
  }

  private get threshold(): number {
    return this.chosenThreshold ?? this.calibration.threshold;
  }

  private dismissSoftwareNotice(): void {
    writeFlag(SOFTWARE_NOTICE_DISMISSED);
    this.softwareNoticeDismissed = true;
  }

  /**
   * With no hash route, a first visit (no one enrolled) opens Enroll and a returning one Verify. The
   * choice is written into the address once, so that enrolling the first person does not switch the
   * page to Verify before its confirmation is seen.
   */
  private settleDefaultView(): void {
    const view: ViewName = this.people.length > 0 ? 'verify' : 'enroll';
    history.replaceState(history.state, '', `#/${view}`);
    this.route = { view, params: new URLSearchParams() };
  }

  private get view(): ViewName {
    return this.route.view ?? 'enroll';
  }

  protected override updated(): void {
    const label = VIEWS.find((v) => v.name === this.view)?.label;
    document.title = `${label} · Faceprint`;
  }

  override render() {
    const view = this.view;
    const engine = this.engine;
    return html`
      <header>
        <div class="bar">
          <a class="brand" href="#/" aria-label="Faceprint, home">
            <svg
              viewBox="0 0 32 32"
              fill="none"
              stroke="currentColor"
              stroke-width="2.2"
              stroke-linecap="round"
              aria-hidden="true"
            >
              <path
                d="M5 11V7a2 2 0 0 1 2-2h4M21 5h4a2 2 0 0 1 2 2v4M27 21v4a2 2 0 0 1-2 2h-4M11 27H7a2 2 0 0 1-2-2v-4"
              />
              <path d="M11 13.5v1M21 13.5v1M16 13v5h-1.5M12 21.5c2.4 1.8 5.6 1.8 8 0" />
            </svg>
            <h1>Faceprint<small>Face verification that stays on this device</small></h1>
          </a>
          <nav aria-label="Main">
            <ul>
              ${VIEWS.map(
                (v) =>
                  html`<li>
                    <a href="#/${v.name}" aria-current=${v.name === view ? 'page' : nothing}>${v.label}</a>
                  </li>`,
              )}
            </ul>
          </nav>
          <div class="status" role="status" data-engine=${engine.status}>
            <span class="dot ${engine.status}" aria-hidden="true"></span>
            ${engine.status === 'ready' ? 'Face engine ready' : engine.status === 'loading' ? 'Loading the face models…' : 'Face engine unavailable'}
            ${this.offlineReady ? html`<span class="offline"> · works offline</span>` : null}
          </div>
        </div>
        ${
          engine.status === 'loading'
            ? html`<div class="loading-bar"><fp-load-progress .progress=${engine.progress}></fp-load-progress></div>`
            : null
        }
      </header>
      <main>
        <div class="notices">
          ${this.renderDeviceNotice()}
          ${
            this.storageBlocked
              ? html`<fp-alert tone="warning" heading=${STORAGE_BLOCKED.title} data-problem=${STORAGE_BLOCKED.kind}
                  >${STORAGE_BLOCKED.message}</fp-alert
                >`
              : null
          }
          ${
            this.storageProblem
              ? html`<fp-alert
                  tone="error"
                  heading=${this.storageProblem.title}
                  data-problem=${this.storageProblem.kind}
                >
                  ${this.storageProblem.message}
                  ${
                    this.storageProblem.kind === 'storage-outdated'
                      ? html`<div slot="actions">
                          <button class="primary" @click=${() => location.reload()}>Reload</button>
                        </div>`
                      : null
                  }
                </fp-alert>`
              : null
          }
          ${
            engine.status === 'ready' && engine.service.runsInSoftware && !this.softwareNoticeDismissed
              ? html`<fp-alert
                  compact
                  tone="info"
                  heading=${SOFTWARE_RENDERER.title}
                  data-problem=${SOFTWARE_RENDERER.kind}
                >
                  <span class="notice-text">${SOFTWARE_RENDERER.message}</span>
                  <details>
                    <summary>Why, and what can be done</summary>
                    ${SOFTWARE_RENDERER_ADVICE}
                  </details>
                  <div slot="actions">
                    <button
                      class="dismiss"
                      @click=${this.dismissSoftwareNotice}
                      aria-label="Dismiss this notice"
                      title="Dismiss"
                    >
                      <span aria-hidden="true">✕</span>
                    </button>
                  </div>
                </fp-alert>`
              : null
          }
          ${
            this.activateUpdate
              ? html`<fp-alert tone="info" heading="A new version of Faceprint is ready">
                  Reload to use it. Your enrollments are kept.
                  <div slot="actions">
                    <button class="primary" @click=${() => void this.activateUpdate?.()}>Reload</button>
                  </div>
                </fp-alert>`
              : null
          }
        </div>
        ${this.peopleLoaded ? this.renderView(view) : null}
      </main>
      <footer>Nothing you do here leaves this device: no images, face data or results are sent anywhere.</footer>
    `;
  }

  private renderView(view: ViewName) {
    switch (view) {
      case 'enroll':
        return html`<fp-enroll-view
          .engine=${this.engine}
          .store=${this.store}
          .people=${this.people}
          .cameraId=${this.preferences.cameraId}
          .liveness=${this.preferences.liveness}
          .name=${this.route.params.get('name') ?? ''}
          .calibration=${this.calibration}
          .authorize=${this.authorizeEnroll}
          .verifyHref=${verifyRoute}
        ></fp-enroll-view>`;
      case 'verify':
        return html`<fp-attempt-guard
          ><fp-verify-view
            .engine=${this.engine}
            .people=${this.people}
            .cameraId=${this.preferences.cameraId}
            .liveness=${this.preferences.liveness}
            .chosenThreshold=${this.chosenThreshold}
            .calibration=${this.calibration}
            .claimedId=${this.route.params.get('person')}
            enroll-href="#/enroll"
          ></fp-verify-view
        ></fp-attempt-guard>`;
      case 'people':
        return html`<fp-people-view .people=${this.people} .store=${this.store} .model=${APP_MODEL}></fp-people-view>`;
      case 'settings':
        return html`<fp-settings-view
          .calibration=${this.calibration}
          .threshold=${this.threshold}
          .saveState=${this.preferencesSave}
          .liveness=${this.preferences.liveness}
          .engine=${this.engine}
          .model=${APP_MODEL}
          ?offlineReady=${this.offlineReady}
        ></fp-settings-view>`;
      case 'lab':
        return html`<fp-lab-view></fp-lab-view>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fp-app': FpApp;
  }
}
