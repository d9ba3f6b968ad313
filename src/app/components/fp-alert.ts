import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';

export type AlertTone = 'info' | 'success' | 'warning' | 'error';

/**
 * A message panel: what happened, in words a person understands, and what to do.
 * Errors are announced immediately (role="alert" on the element), other tones politely (role="status").
 *
 * @slot - The message.
 * @slot actions - Buttons, e.g. "Try again".
 * @csspart panel - The outer box.
 */
@customElement('fp-alert')
export class FpAlert extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    .panel {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 0.25rem 0.75rem;
      padding: 0.9rem 1rem;
      border-radius: var(--fp-radius);
      border: 1px solid var(--tone);
      border-left-width: 5px;
      background: var(--tone-bg);
      color: var(--fp-text);
    }
    .icon {
      grid-row: span 3;
      font-weight: 700;
      color: var(--tone);
      width: 1.5rem;
      height: 1.5rem;
      border-radius: 50%;
      border: 2px solid var(--tone);
      display: grid;
      place-items: center;
      font-size: 0.9rem;
      line-height: 1;
    }
    .heading {
      font-weight: 700;
    }
    .message {
      color: var(--fp-text);
    }
    ::slotted([slot='actions']) {
      margin-top: 0.5rem;
    }
    :host([tone='info']) .panel {
      --tone: var(--fp-accent);
      --tone-bg: var(--fp-info-bg);
    }
    :host([tone='success']) .panel {
      --tone: var(--fp-success);
      --tone-bg: var(--fp-success-bg);
    }
    :host([tone='warning']) .panel {
      --tone: var(--fp-warning);
      --tone-bg: var(--fp-warning-bg);
    }
    :host([tone='error']) .panel {
      --tone: var(--fp-danger);
      --tone-bg: var(--fp-danger-bg);
    }
  `;

  /** Colour and urgency. */
  @property({ reflect: true }) tone: AlertTone = 'info';

  /** A one-line summary shown in bold. */
  @property() heading = '';

  private static readonly ICONS: Record<AlertTone, string> = { info: 'i', success: '✓', warning: '!', error: '!' };

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The role sits on the host so that the live region holds the slotted message too.
    if (changed.has('tone')) this.setAttribute('role', this.tone === 'error' ? 'alert' : 'status');
  }

  override render() {
    return html`<div part="panel" class="panel">
      <span class="icon" aria-hidden="true">${FpAlert.ICONS[this.tone]}</span>
      ${this.heading ? html`<div class="heading">${this.heading}</div>` : null}
      <div class="message"><slot></slot></div>
      <div><slot name="actions"></slot></div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fp-alert': FpAlert;
  }
}
