import { LitElement, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { MIN_OWNER_PASSPHRASE_LENGTH, type OwnerAction } from '../../trust';
import type { SettlingDialog } from '../dialogs';
import { describeOwnerError } from '../owner-messages';
import { sharedStyles } from '../styles/shared';
import { dialogStyles } from '../styles/dialog';
import { trustServices } from '../trust-services';

type Phase = 'loading' | 'setup-passkey' | 'setup-passphrase' | 'confirm-passkey' | 'confirm-passphrase';

const PURPOSE: Record<OwnerAction, (subject: string) => string> = {
  enroll: () => 'to enroll a face',
  delete: (subject) => `to delete ${subject || 'this person'}`,
  export: () => 'to export every enrolled face',
  import: () => 'to import enrollments',
  threshold: () => 'to change the match threshold',
  liveness: () => 'to change the liveness check',
  'clear-lock': () => 'to lift the verification lock',
  'attempt-log': () => 'to see the attempt log',
  'replace-credential': () => 'to replace the owner’s passkey or passphrase',
  'reset-owner': () => 'to reset the owner and delete every enrolled face',
};

/**
 * Confirms the device owner before a protected action, or sets the owner up when there is none yet:
 * a passkey (platform authenticator, user verification required) or, where there is none, a
 * passphrase. Opened with openDialog(); `result` is true once the owner is confirmed, false when
 * the person cancels.
 */
@customElement('fp-owner-dialog')
export class FpOwnerDialog extends LitElement implements SettlingDialog<boolean> {
  static override styles = [sharedStyles, dialogStyles];

  /** What the confirmation is for. */
  @property() action: OwnerAction = 'enroll';

  /** Who or what the action is about (a person's name). */
  @property() subject = '';

  @state() private phase: Phase = 'loading';
  @state() private busy = false;
  @state() private error: string | null = null;

  @query('dialog') private dialog!: HTMLDialogElement;

  private settle!: (confirmed: boolean) => void;
  readonly result = new Promise<boolean>((resolve) => (this.settle = resolve));

  override async connectedCallback(): Promise<void> {
    super.connectedCallback();
    const { owner } = trustServices();
    try {
      const [state, passkeys] = await Promise.all([owner.state(), owner.passkeysAvailable()]);
      if (state.kind === 'none') this.phase = passkeys ? 'setup-passkey' : 'setup-passphrase';
      else this.phase = state.kind === 'passkey' ? 'confirm-passkey' : 'confirm-passphrase';
    } catch (error) {
      this.error = describeOwnerError(error);
      this.phase = 'confirm-passphrase';
    }
  }

  protected override updated(): void {
    // Shown once the owner's state is known, so that it opens on the right question.
    if (this.phase !== 'loading' && !this.dialog.open && !this.closed) this.dialog.showModal();
  }

  private closed = false;

  private close(confirmed: boolean): void {
    this.closed = true;
    this.dialog.close();
    this.settle(confirmed);
  }

  private async attempt(work: () => Promise<void>, afterSetUp = false): Promise<void> {
    this.busy = true;
    this.error = null;
    try {
      await work();
      if (afterSetUp) trustServices().sync.post({ type: 'owner-changed' });
      this.close(true);
    } catch (error) {
      this.error = describeOwnerError(error);
    } finally {
      this.busy = false;
    }
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const passphrase = String(data.get('passphrase') ?? '');
    const { owner } = trustServices();
    if (this.phase === 'setup-passphrase') {
      if (passphrase.length < MIN_OWNER_PASSPHRASE_LENGTH) {
        this.error = `The passphrase needs at least ${MIN_OWNER_PASSPHRASE_LENGTH} characters.`;
        return;
      }
      if (passphrase !== String(data.get('repeat') ?? '')) {
        this.error = 'The two passphrases are not the same.';
        return;
      }
      void this.attempt(() => owner.setUpPassphrase(passphrase), true);
    } else {
      void this.attempt(() => owner.confirmWithPassphrase(passphrase));
    }
  }

  override render() {
    const purpose = PURPOSE[this.action](this.subject);
    const setUp = this.phase === 'setup-passkey' || this.phase === 'setup-passphrase';
    return html`<dialog aria-labelledby="owner-heading" @cancel=${() => ((this.closed = true), this.settle(false))}>
      <h2 id="owner-heading">${setUp ? 'Set up the owner of this device' : 'Confirm you are the owner'}</h2>
      ${
        setUp
          ? html`<p>
              No one owns this device yet. The owner is the only person who can enroll, delete, export or import faces
              and change settings; anyone can verify. You are setting up the owner ${purpose}.
            </p>`
          : html`<p>The owner must confirm ${purpose}.</p>`
      }
      ${this.phase === 'setup-passkey' || this.phase === 'confirm-passkey' ? this.renderPasskey(setUp) : null}
      ${this.phase === 'setup-passphrase' || this.phase === 'confirm-passphrase' ? this.renderPassphrase(setUp) : null}
    </dialog>`;
  }

  private renderError() {
    return this.error ? html`<p class="error" role="alert">${this.error}</p>` : null;
  }

  private renderPasskey(setUp: boolean) {
    const { owner } = trustServices();
    return html`<p>
        ${
          setUp
            ? 'Create a passkey on this device: it will ask for your fingerprint, face or device PIN, now and before each protected action.'
            : 'Use the owner’s passkey: this device will ask for your fingerprint, face or device PIN.'
        }
      </p>
      ${
        setUp
          ? html`<p>
              <button class="link" @click=${() => ((this.phase = 'setup-passphrase'), (this.error = null))}>
                Use a passphrase instead
              </button>
            </p>`
          : null
      }
      ${this.renderError()}
      <div class="actions">
        <button @click=${() => this.close(false)} ?disabled=${this.busy}>Cancel</button>
        <button
          class="primary"
          ?disabled=${this.busy}
          @click=${() => void this.attempt(() => (setUp ? owner.setUpPasskey() : owner.confirmWithPasskey()), setUp)}
        >
          ${setUp ? 'Create passkey' : 'Confirm with passkey'}
        </button>
      </div>`;
  }

  private renderPassphrase(setUp: boolean) {
    return html`<form @submit=${this.onSubmit}>
      ${
        setUp
          ? html`<p>
              The owner is held by a passphrase of at least ${MIN_OWNER_PASSPHRASE_LENGTH} characters. It cannot be
              recovered: forgetting it means resetting the owner, which deletes every enrolled face.
            </p>`
          : null
      }
      <div class="field">
        <label for="passphrase">${setUp ? 'New owner passphrase' : 'Owner passphrase'}</label>
        <input
          id="passphrase"
          name="passphrase"
          type="password"
          autocomplete=${setUp ? 'new-password' : 'current-password'}
          required
          autofocus
        />
      </div>
      ${
        setUp
          ? html`<div class="field">
              <label for="repeat">Repeat the passphrase</label>
              <input id="repeat" name="repeat" type="password" autocomplete="new-password" required />
            </div>`
          : null
      }
      ${this.renderError()}
      <div class="actions">
        <button type="button" @click=${() => this.close(false)} ?disabled=${this.busy}>Cancel</button>
        <button class="primary" type="submit" ?disabled=${this.busy}>
          ${this.busy ? 'Checking…' : setUp ? 'Set passphrase' : 'Confirm'}
        </button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fp-owner-dialog': FpOwnerDialog;
  }
}
