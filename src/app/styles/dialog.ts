// Styles of the modal dialogs (owner confirmation, passphrases, warnings).
import { css } from 'lit';

export const dialogStyles = css`
  dialog {
    border: 1px solid var(--fp-border);
    border-radius: var(--fp-radius);
    background: var(--fp-surface);
    color: var(--fp-text);
    box-shadow: 0 12px 40px rgb(0 0 0 / 25%);
    padding: 1.5rem;
    width: min(30rem, calc(100vw - 2rem));
  }
  dialog::backdrop {
    background: rgb(15 19 24 / 55%);
  }
  h2 {
    margin-bottom: 0.75rem;
  }
  input[type='password'] {
    font: inherit;
    min-height: 2.5rem;
    padding: 0.4rem 0.6rem;
    border: 1px solid var(--fp-border);
    border-radius: 8px;
    background: var(--fp-surface);
    color: var(--fp-text);
  }
  .error {
    color: var(--fp-danger);
    background: var(--fp-danger-bg);
    border-radius: 8px;
    padding: 0.5rem 0.75rem;
  }
  .warning {
    color: var(--fp-warning);
    background: var(--fp-warning-bg);
    border-radius: 8px;
    padding: 0.5rem 0.75rem;
  }
  .actions {
    justify-content: flex-end;
    margin-top: 1rem;
  }
  button.link {
    border: 0;
    background: none;
    color: var(--fp-accent);
    padding: 0;
    min-height: auto;
    text-decoration: underline;
  }
`;
