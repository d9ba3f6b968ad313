import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import '../app/components/fp-verify-view';
import { calibrationOf } from '../app/engine-state';
import { FaceprintElement } from './faceprint-element';

/**
 * Verification on any page, against the people in `store`: 1:1 (is this `personId`?) or 1:N (who among
 * them is this?), which the person can switch. With liveness on (the default) the face that answered the
 * challenge decides; without it, a few agreeing frames do. The camera stops once a decision is made.
 * There is no attempt limit here, unlike in the app: a page that needs one counts the refusals it hears.
 *
 * @fires fp-decision - A decision was reached. `detail`: `{ outcome: 'match' | 'no-match', personId, name,
 * distance, distances, mode: '1:1' | '1:N', threshold, liveness }`; `liveness.status` is "passed", "failed"
 * (with `failure`) or "off", and `outcome` is "match" only when the face matched and liveness did not fail.
 * @fires fp-camera-status - The camera started, stopped or failed. `detail`: `{ status, problem }`.
 * @cssprop --fp-accent - The colour of primary buttons and focus; every `--fp-*` token of the app can be set.
 */
@customElement('fp-verify')
export class FpVerify extends FaceprintElement {
  /** Checks this person (1:1): a `personId` from `fp-enrolled` or the store. Null: 1:N, who is this? */
  @property({ attribute: 'person-id' }) personId: string | null = null;

  /**
   * The distance at or below which a face matches. Null (the default): the threshold calibrated on LFW
   * for the pipeline the engine runs (a false-match rate of about 1e-3).
   */
  @property({ type: Number }) threshold: number | null = null;

  override render() {
    return html`${this.storeAlert()}
      <fp-verify-view
        .engine=${this.engineState}
        .calibration=${calibrationOf(this.engineState)}
        .people=${this.people}
        .cameraId=${this.cameraId}
        .liveness=${this.liveness}
        .chosenThreshold=${this.threshold}
        .claimedId=${this.personId}
      ></fp-verify-view>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fp-verify': FpVerify;
  }
}
