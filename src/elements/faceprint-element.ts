// What <fp-enroll> and <fp-verify> share: the page's engine and store as properties, the people in that
// store (read again whenever a Faceprint element on the page changes them), and the design tokens, so
// that the elements look right on a page without the app's stylesheet. The elements wrap the app's own
// views; they only translate what a page has (a FaceEngine, an EnrollmentStore) into what a view takes.
import { LitElement, css, html, unsafeCSS, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { FaceService } from '../app/engine-facade';
import type { EngineState } from '../app/engine-state';
import { describeEngineError, describeStorageError, type Problem } from '../app/messages';
import { sharedStyles } from '../app/styles/shared';
import tokens from '../app/styles/tokens.css?inline';
import { FaceTracker, type FaceEngine } from '../engine/index';
import type { EnrollmentStore, PersonRecord } from '../storage';
import '../app/components/fp-alert';

const LOADING: EngineState = { status: 'loading', progress: null };

export abstract class FaceprintElement extends LitElement {
  static override styles = [
    unsafeCSS(tokens),
    sharedStyles,
    css`
      :host {
        display: block;
      }
      fp-alert {
        display: block;
        margin-bottom: 1rem;
      }
    `,
  ];

  /**
   * The page's face engine (`FaceEngine.create()` from `faceprint/engine`), or the promise of one: the
   * element shows the models loading until it settles, and the engine's error if it rejects. The page
   * owns the engine (one can serve several elements) and disposes of it.
   */
  @property({ attribute: false }) engine: FaceEngine | Promise<FaceEngine> | null = null;

  /** Where people are enrolled and read from, e.g. `new EnrollmentStore()` (IndexedDB). */
  @property({ attribute: false }) store: EnrollmentStore | null = null;

  /**
   * Ask for the liveness challenge (three head movements) before a face is enrolled or accepted. On by
   * default: without it a photo held up to the camera passes. Set it to false only for people who
   * cannot make the movements.
   */
  @property({ attribute: false }) liveness = true;

  /** The camera's `deviceId`; null for the default front camera. */
  @property({ attribute: false }) cameraId: string | null = null;

  /** The engine as the wrapped view takes it. */
  @state() protected engineState: EngineState = LOADING;

  /** Everyone in the store. */
  @state() protected people: readonly PersonRecord[] = [];

  @state() private storeProblem: Problem | null = null;

  private readonly onPeopleChanged = () => void this.readPeople();

  override connectedCallback(): void {
    super.connectedCallback();
    // The event is composed: it reaches the window from any Faceprint element's shadow root.
    window.addEventListener('fp-people-changed', this.onPeopleChanged);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('fp-people-changed', this.onPeopleChanged);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('engine')) void this.takeEngine(this.engine);
    if (changed.has('store')) void this.readPeople();
  }

  private async takeEngine(engine: FaceEngine | Promise<FaceEngine> | null): Promise<void> {
    this.engineState = LOADING;
    if (!engine) return;
    try {
      const ready = await engine;
      if (engine === this.engine) this.engineState = { status: 'ready', service: new FaceService(ready, FaceTracker) };
    } catch (error) {
      if (engine === this.engine) this.engineState = { status: 'failed', problem: describeEngineError(error) };
    }
  }

  private async readPeople(): Promise<void> {
    const store = this.store;
    if (!store) {
      this.people = [];
      return;
    }
    try {
      const people = await store.listPeople();
      if (store !== this.store) return;
      this.people = people;
      this.storeProblem = null;
    } catch (error) {
      if (store === this.store) this.storeProblem = describeStorageError(error);
    }
  }

  /** Why the store could not be read, above the view; nothing while it can. */
  protected storeAlert(): TemplateResult | null {
    const problem = this.storeProblem;
    return problem
      ? html`<fp-alert tone="error" heading=${problem.title} data-problem=${problem.kind}>${problem.message}</fp-alert>`
      : null;
  }
}
