import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { FIRST_LOCK_MS, MAX_LOCK_MS, REFUSALS_BEFORE_LOCK } from '../../storage';
import type { OwnerState } from '../../trust';
import { LockoutController } from '../controllers/lockout-controller';
import { openDialog } from '../dialogs';
import { emit } from '../events';
import { describeDuration, formatWait } from '../logic/wait-text';
import { describeOwnerError } from '../owner-messages';
import { requireOwner } from '../owner-gate';
import { sharedStyles } from '../styles/shared';
import { trustServices } from '../trust-services';
import { FpConfirmDialog } from './fp-confirm-dialog';
import { FpPassphraseDialog } from './fp-passphrase-dialog';
import './fp-alert';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/**
 * The device owner and the verification lock, in Settings: who holds the owner role (passkey or
 * passphrase), replacing that credential, resetting the owner (which deletes every enrolled face),
 * and lifting a lock.
 *
 * @fires fp-people-changed - After a reset deleted everyone (reason "owner-reset").
 */
@customElement('fp-owner-card')
export class FpOwnerCard extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .lock {
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      fp-alert {
        margin-top: 0.75rem;
      }
      h3:not(:first-child) {
        margin-top: 1.25rem;
      }
    `,
  ];

  @state() private owner: OwnerState | null = null;
  @state() private passkeys = false;
  @state() private busy = false;
  @state() private message: { tone: 'success' | 'error'; text: string } | null = null;

  private readonly lockout = new LockoutController(this);
  private unsubscribe: (() => void) | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = trustServices().sync.subscribe((message) => {
      if (message.type === 'owner-changed') void this.load();
    });
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  private async load(): Promise<void> {
    const { owner } = trustServices();
    try {
      [this.owner, this.passkeys] = await Promise.all([owner.state(), owner.passkeysAvailable()]);
    } catch (error) {
      this.message = { tone: 'error', text: describeOwnerError(error) };
    }
  }

  private async act(action: Parameters<typeof requireOwner>[0], work: () => Promise<string | null>): Promise<void> {
    if (!(await requireOwner(action))) return;
    this.busy = true;
    this.message = null;
    try {
      const done = await work();
      if (done) this.message = { tone: 'success', text: done };
    } catch (error) {
      this.message = { tone: 'error', text: describeOwnerError(error) };
    } finally {
      this.busy = false;
      await this.load();
      await this.lockout.refresh();
    }
  }

  private replaceCredential(): Promise<void> {
    return this.act('replace-credential', async () => {
      const { owner, sync } = trustServices();
      if (this.passkeys) {
        await owner.replaceWithPasskey();
      } else {
        const dialog = new FpPassphraseDialog();
        dialog.purpose = 'owner';
        const passphrase = await openDialog(dialog);
        if (passphrase === null) return null;
        await owner.replaceWithPassphrase(passphrase);
      }
      sync.post({ type: 'owner-changed' });
      return this.passkeys
        ? 'A new owner passkey was created; the old one no longer confirms anything.'
        : 'The owner passphrase was changed; the old one no longer confirms anything.';
    });
  }

  private async resetOwner(): Promise<void> {
    const warning = new FpConfirmDialog();
    warning.heading = 'Reset the owner?';
    warning.message =
      'This deletes every enrolled face on this device, the attempt log and the owner’s passkey or passphrase. It cannot ' +
      'be undone; only a sealed export made earlier can bring the faces back. The next enrollment sets up a new owner.';
    warning.confirmLabel = 'Delete everything and reset';
    warning.danger = true;
    if (!(await openDialog(warning))) return;
    await this.act('reset-owner', async () => {
      const { owner, sync } = trustServices();
      await owner.reset();
      sync.post({ type: 'owner-changed' });
      emit(this, 'fp-people-changed', { reason: 'owner-reset' });
      return 'The owner was reset and every enrolled face deleted.';
    });
  }

  private clearLock(): Promise<void> {
    return this.act('clear-lock', async () => {
      await trustServices().guard.clear();
      return 'Verification is unlocked.';
    });
  }

  override render() {
    const owner = this.owner;
    const status = this.lockout.status;
    return html`<h3>Owner</h3>
      <p data-owner=${owner?.kind ?? 'loading'}>
        ${
          owner === null
            ? 'Checking…'
            : owner.kind === 'none'
              ? 'No owner yet. The first enrollment sets one up: a passkey where this device has one, a passphrase otherwise.'
              : owner.kind === 'passkey'
                ? `Held by a passkey on this device, since ${dateFormat.format(owner.createdAt)}. Enrolling, deleting, exporting, importing and changing settings each ask for it.`
                : `Held by a passphrase, since ${dateFormat.format(owner.createdAt)} (this browser offered no passkey). Enrolling, deleting, exporting, importing and changing settings each ask for it.`
        }
      </p>
      ${
        owner && owner.kind !== 'none'
          ? html`<div class="actions">
              <button @click=${this.replaceCredential} ?disabled=${this.busy}>
                ${this.passkeys ? 'Replace the owner passkey' : 'Change the owner passphrase'}
              </button>
              <button class="danger" @click=${this.resetOwner} ?disabled=${this.busy}>Reset the owner…</button>
            </div>`
          : null
      }

      <h3>Attempt limit</h3>
      <p>
        After ${REFUSALS_BEFORE_LOCK} refused verifications in a row, verifying stops for
        ${describeDuration(FIRST_LOCK_MS)}; each further lock before an accepted verification doubles the wait, up to
        ${describeDuration(MAX_LOCK_MS)}. A reload does not lift it.
      </p>
      ${
        status
          ? this.lockout.locked
            ? html`<p class="lock" role="status" data-lock="locked">
                  Verification is locked for ${formatWait(this.lockout.remainingMs)}.
                </p>
                <div class="actions">
                  <button @click=${this.clearLock} ?disabled=${this.busy}>Lift the lock</button>
                </div>`
            : html`<p role="status" data-lock="open">
                Verification is open: ${status.refusalsLeft} more refused
                ${status.refusalsLeft === 1 ? 'attempt' : 'attempts'} in a row lock it for
                ${describeDuration(status.nextLockMs)}.
              </p>`
          : null
      }
      ${this.message ? html`<fp-alert tone=${this.message.tone}>${this.message.text}</fp-alert>` : null}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fp-owner-card': FpOwnerCard;
  }
}
