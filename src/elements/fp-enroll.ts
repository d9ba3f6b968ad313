import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import '../app/components/fp-enroll-view';
import { calibrationOf } from '../app/engine-state';
import { FaceprintElement } from './faceprint-element';

/**
 * Enrollment on any page: a name, the liveness challenge (unless `liveness` is false), then good camera
 * frames until the app's number of samples is reached; the samples and their mean are saved in `store`
 * under the name. Enrolling a name already in the store adds samples to that person. The camera runs
 * only while capturing.
 *
 * @fires fp-enrolled - The samples were saved. `detail`: `{ personId, name, sampleCount }` (the person's
 * samples in total).
 * @fires fp-people-changed - The store's people changed (`detail.reason`: "enrolled"); every Faceprint
 * element on the page reads them again.
 * @fires fp-camera-status - The camera started, stopped or failed. `detail`: `{ status, problem }`.
 * @cssprop --fp-accent - The colour of primary buttons and focus; every `--fp-*` token of the app can be set.
 */
@customElement('fp-enroll')
export class FpEnroll extends FaceprintElement {
  /** The name to enroll, prefilled in the form (the person can change it). */
  @property() name = '';

  /**
   * Asked when the person presses Start capture, before the camera starts; resolving false cancels (the
   * page's own sign-in or confirmation). Null: anyone at the page may enroll.
   */
  @property({ attribute: false }) authorize: (() => Promise<boolean>) | null = null;

  override render() {
    return html`${this.storeAlert()}
      <fp-enroll-view
        .engine=${this.engineState}
        .calibration=${calibrationOf(this.engineState)}
        .store=${this.store}
        .people=${this.people}
        .cameraId=${this.cameraId}
        .liveness=${this.liveness}
        .name=${this.name}
        .authorize=${this.authorize}
      ></fp-enroll-view>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fp-enroll': FpEnroll;
  }
}
