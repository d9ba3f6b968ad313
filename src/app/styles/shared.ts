// Styles several components share: buttons, form fields, cards, visually hidden text.
import { css } from 'lit';

export const sharedStyles = css`
  :host {
    font-family: var(--fp-font);
    color: var(--fp-text);
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  :focus-visible {
    outline: 3px solid var(--fp-focus);
    outline-offset: 2px;
  }

  h2 {
    font-size: 1.375rem;
    line-height: 1.3;
    margin: 0 0 0.25rem;
  }

  h3 {
    font-size: 1.0625rem;
    margin: 0 0 0.5rem;
  }

  p {
    margin: 0 0 0.75rem;
  }

  .lead {
    color: var(--fp-muted);
    margin-bottom: 1.25rem;
  }

  .card {
    background: var(--fp-surface);
    border: 1px solid var(--fp-border);
    border-radius: var(--fp-radius);
    box-shadow: var(--fp-shadow);
    padding: 1.25rem;
  }

  button,
  .button {
    font: inherit;
    font-weight: 600;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4rem;
    /* 44 px: a touch target a finger can hit (WCAG 2.5.5). */
    min-height: 2.75rem;
    padding: 0.45rem 1rem;
    border-radius: 8px;
    border: 1px solid var(--fp-border);
    background: var(--fp-surface);
    color: var(--fp-text);
    cursor: pointer;
    text-decoration: none;
  }

  button:hover:not(:disabled),
  .button:hover {
    background: var(--fp-surface-2);
  }

  button.primary {
    background: var(--fp-accent);
    border-color: var(--fp-accent);
    color: var(--fp-accent-text);
  }

  button.primary:hover:not(:disabled) {
    filter: brightness(1.08);
    background: var(--fp-accent);
  }

  button.danger {
    color: var(--fp-danger);
    border-color: currentColor;
  }

  button.danger.solid {
    background: var(--fp-danger);
    border-color: var(--fp-danger);
    color: #fff;
  }

  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }

  label {
    font-weight: 600;
  }

  input[type='text'],
  select {
    font: inherit;
    min-height: 2.75rem;
    padding: 0.4rem 0.6rem;
    border: 1px solid var(--fp-border);
    border-radius: 8px;
    background: var(--fp-surface);
    color: var(--fp-text);
  }

  .field {
    display: flex;
    flex-direction: column;
    gap: 0.35rem;
    margin-bottom: 1rem;
  }

  .field small {
    color: var(--fp-muted);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.6rem;
    align-items: center;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  .mono {
    font-family: var(--fp-mono);
    font-size: 0.9em;
  }

  progress {
    width: 100%;
    height: 0.6rem;
    accent-color: var(--fp-accent);
  }
`;
