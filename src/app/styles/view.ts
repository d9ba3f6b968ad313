// Layout shared by the enroll and verify views (the capture itself is fp-capture-stage's): a result
// beside a side panel, stacked on narrow screens.
import { css } from 'lit';

export const viewStyles = css`
  :host {
    display: block;
  }
  .block {
    display: block;
    margin-bottom: 1rem;
  }
  .capture {
    display: grid;
    grid-template-columns: minmax(0, 3fr) minmax(16rem, 2fr);
    gap: 1.25rem;
    align-items: start;
  }
  @media (max-width: 52rem) {
    .capture {
      grid-template-columns: 1fr;
    }
  }
  /* Phones: while capturing, the introduction gives way to the camera and what to do next. */
  @media (max-width: 40rem) {
    .lead:has(~ fp-capture-stage) {
      display: none;
    }
    .capture {
      gap: 0.6rem;
    }
    .side.card {
      padding: 0.75rem;
    }
  }
  .side {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  .time-left {
    color: var(--fp-muted);
    font-variant-numeric: tabular-nums;
  }
  a.primary-link,
  a.primary-link:hover {
    background: var(--fp-accent);
    border-color: var(--fp-accent);
    color: var(--fp-accent-text);
  }
  a.primary-link:hover {
    filter: brightness(1.08);
  }
`;
