// Layout shared by the enroll and verify views: camera beside a side panel, stacked on narrow screens.
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
  /*
   * Phones: while capturing, the camera and what to do next share the screen. The introduction gives
   * way, the camera is capped to about a third of the height, and the side panel leads with the instruction and
   * the count, then Cancel, then the checklist.
   */
  @media (max-width: 40rem) {
    .lead:has(~ .capture) {
      display: none;
    }
    .capture {
      gap: 0.6rem;
    }
    .capture fp-camera {
      width: min(100%, calc(36svh * 4 / 3));
      margin: 0 auto;
    }
    .side.card {
      padding: 0.75rem;
    }
    .side > * {
      order: 5;
    }
    .side > h3 {
      order: 0;
      margin-bottom: 0.25rem;
    }
    .side > fp-load-progress,
    .side > .hint {
      order: 1;
    }
    .side > .samples {
      order: 2;
      margin-bottom: 0.5rem;
    }
    .side > .actions {
      order: 3;
      margin-bottom: 0.5rem;
    }
    .hint {
      min-height: 0;
      margin-bottom: 0.5rem;
    }
  }
  .side {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  .hint {
    min-height: 3rem;
    font-weight: 600;
    padding: 0.6rem 0.75rem;
    border-radius: 8px;
    background: var(--fp-surface-2);
  }
  /* Work in progress (a frame being analysed, a sample being saved): a spinner before the words. */
  .hint[data-busy] {
    display: flex;
    align-items: center;
    gap: 0.6rem;
  }
  .hint[data-busy]::before {
    content: '';
    flex: none;
    width: 1.1rem;
    height: 1.1rem;
    border-radius: 50%;
    border: 3px solid var(--fp-border);
    border-top-color: var(--fp-accent);
    animation: fp-spin 0.9s linear infinite;
  }
  @keyframes fp-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .hint[data-busy]::before {
      animation-duration: 3s;
    }
  }
  .time-left {
    color: var(--fp-muted);
    font-variant-numeric: tabular-nums;
  }
  .caption {
    margin: 0.75rem;
    padding: 0.45rem 0.75rem;
    border-radius: 8px;
    background: rgb(13 17 23 / 72%);
    color: #fff;
    font-weight: 600;
    text-align: center;
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
