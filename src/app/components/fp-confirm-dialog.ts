import { LitElement, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { SettlingDialog } from '../dialogs';
import { sharedStyles } from '../styles/shared';
import { dialogStyles } from '../styles/dialog';

/**
 * A warning that needs an answer before something happens (importing an unsealed file, resetting
 * the owner). Opened with openDialog(); `result` is true when the person goes ahead.
 */
@customElement('fp-confirm-dialog')
export class FpConfirmDialog extends LitElement implements SettlingDialog<boolean> {
  static override styles = [sharedStyles, dialogStyles];

  @property() heading = '';
  @property() message = '';
  @property() confirmLabel = 'Continue';
  /** The action destroys data: its button is red. */
  @property({ type: Boolean }) danger = false;

  @query('dialog') private dialog!: HTMLDialogElement;

  private settle!: (confirmed: boolean) => void;
  readonly result = new Promise<boolean>((resolve) => (this.settle = resolve));

  protected override firstUpdated(): void {
    this.dialog.showModal();
  }

  private close(confirmed: boolean): void {
    this.dialog.close();
    this.settle(confirmed);
  }

  override render() {
    return html`<dialog
      aria-labelledby="confirm-heading"
      aria-describedby="confirm-message"
      @cancel=${() => this.settle(false)}
    >
      <h2 id="confirm-heading">${this.heading}</h2>
      <p id="confirm-message" class=${this.danger ? 'error' : 'warning'}>${this.message}</p>
      <div class="actions">
        <button autofocus @click=${() => this.close(false)}>Cancel</button>
        <button class=${this.danger ? 'danger solid' : 'primary'} @click=${() => this.close(true)}>
          ${this.confirmLabel}
        </button>
      </div>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fp-confirm-dialog': FpConfirmDialog;
  }
}
