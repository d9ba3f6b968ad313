import { LitElement, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { MIN_PASSPHRASE_LENGTH } from '../../storage';
import type { SettlingDialog } from '../dialogs';
import { sharedStyles } from '../styles/shared';
import { dialogStyles } from '../styles/dialog';

/** seal: choose a passphrase for an export; open: type the one an import was sealed with; owner: a new owner passphrase. */
export type PassphrasePurpose = 'seal' | 'open' | 'owner';

const TEXT: Record<PassphrasePurpose, { heading: string; lead: string; submit: string }> = {
  seal: {
    heading: 'Seal the export with a passphrase',
    lead:
      'The file is encrypted (AES-256) with a key made from this passphrase. Whoever finds the file cannot read the faces ' +
      'in it without the passphrase, and neither can you: keep it somewhere safe.',
    submit: 'Export',
  },
  open: {
    heading: 'Passphrase for this export',
    lead: 'Type the passphrase the file was sealed with.',
    submit: 'Import',
  },
  owner: {
    heading: 'New owner passphrase',
    lead: 'From now on this passphrase confirms the owner. It cannot be recovered.',
    submit: 'Set passphrase',
  },
};

/**
 * Asks for a passphrase. Opened with openDialog(); `result` is the passphrase, or null when the
 * person cancels. New passphrases are typed twice and need MIN_PASSPHRASE_LENGTH characters.
 */
@customElement('fp-passphrase-dialog')
export class FpPassphraseDialog extends LitElement implements SettlingDialog<string | null> {
  static override styles = [sharedStyles, dialogStyles];

  @property() purpose: PassphrasePurpose = 'seal';

  /** A line about the file (e.g. "12 people, exported 29 Nov 2026"). */
  @property() detail = '';

  @state() private error: string | null = null;

  @query('dialog') private dialog!: HTMLDialogElement;

  private settle!: (passphrase: string | null) => void;
  readonly result = new Promise<string | null>((resolve) => (this.settle = resolve));

  protected override firstUpdated(): void {
    this.dialog.showModal();
  }

  private close(passphrase: string | null): void {
    this.dialog.close();
    this.settle(passphrase);
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const passphrase = String(data.get('passphrase') ?? '');
    if (this.purpose !== 'open') {
      if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
        this.error = `The passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters.`;
        return;
      }
      if (passphrase !== String(data.get('repeat') ?? '')) {
        this.error = 'The two passphrases are not the same.';
        return;
      }
    }
    this.close(passphrase);
  }

  override render() {
    const text = TEXT[this.purpose];
    const fresh = this.purpose !== 'open';
    return html`<dialog aria-labelledby="passphrase-heading" @cancel=${() => this.settle(null)}>
      <h2 id="passphrase-heading">${text.heading}</h2>
      <p>${text.lead}</p>
      ${this.detail ? html`<p class="mono">${this.detail}</p>` : null}
      <form @submit=${this.onSubmit}>
        <div class="field">
          <label for="passphrase">Passphrase</label>
          <input
            id="passphrase"
            name="passphrase"
            type="password"
            autocomplete=${fresh ? 'new-password' : 'off'}
            required
            autofocus
          />
          ${fresh ? html`<small>At least ${MIN_PASSPHRASE_LENGTH} characters; a few unrelated words are easy to remember and hard to guess.</small>` : null}
        </div>
        ${
          fresh
            ? html`<div class="field">
                <label for="repeat">Repeat the passphrase</label>
                <input id="repeat" name="repeat" type="password" autocomplete="new-password" required />
              </div>`
            : null
        }
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}
        <div class="actions">
          <button type="button" @click=${() => this.close(null)}>Cancel</button>
          <button class="primary" type="submit">${text.submit}</button>
        </div>
      </form>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fp-passphrase-dialog': FpPassphraseDialog;
  }
}
