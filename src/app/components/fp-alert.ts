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
      grid-row: span 2;
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
      margin-bottom: 0.2rem;
    }
    .message {
      color: var(--fp-text);
    }
    ::slotted([slot='actions']) {
      margin-top: 0.5rem;
    }
    /* One or two lines, actions at the end: for notices that stay on every page. */
    :host([compact]) .panel {
      grid-template-columns: auto 1fr auto;
      align-items: center;
      padding: 0.4rem 0.5rem 0.4rem 0.75rem;
      border-left-width: 4px;
      font-size: 0.9rem;
      line-height: 1.4;
    }
    :host([compact]) .icon {
      grid-row: auto;
      width: 1.25rem;
      height: 1.25rem;
      font-size: 0.75rem;
    }
    :host([compact]) .text {
      display: block;
    }
    :host([compact]) .heading {
      display: inline;
      margin: 0 0.35rem 0 0;
    }
    :host([compact]) .message {
      display: inline;
    }
    :host([compact]) ::slotted([slot='actions']) {
      margin-top: 0;
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

  /** Heading and message run on as one paragraph, with the actions beside them. */
  @property({ type: Boolean, reflect: true }) compact = false;

  private static readonly ICONS: Record<AlertTone, string> = { info: 'i', success: '✓', warning: '!', error: '!' };

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The role sits on the host so that the live region holds the slotted message too.
    if (changed.has('tone')) this.setAttribute('role', this.tone === 'error' ? 'alert' : 'status');
  }

  override render() {
    return html`<div part="panel" class="panel">
      <span class="icon" aria-hidden="true">${FpAlert.ICONS[this.tone]}</span>
      <div class="text">
        ${this.heading ? html`<div class="heading">${this.heading}</div>` : null}
        <div class="message"><slot></slot></div>
      </div>
      <div><slot name="actions"></slot></div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fp-alert': FpAlert;
  }
}
