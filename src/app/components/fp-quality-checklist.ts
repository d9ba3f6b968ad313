import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { QualityReport } from '../logic/quality';
import { sharedStyles } from '../styles/shared';

/**
 * The quality gates as a checklist (one face, close enough, facing the camera, sharp, well lit), each
 * ticked when the latest frame passes it.
 */
@customElement('fp-quality-checklist')
export class FpQualityChecklist extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
      }
      li {
        display: inline-flex;
        align-items: center;
        gap: 0.35rem;
        padding: 0.2rem 0.6rem;
        border-radius: 999px;
        font-size: 0.875rem;
        border: 1px solid var(--fp-border);
        color: var(--fp-muted);
        background: var(--fp-surface);
      }
      li.passed {
        color: var(--fp-success);
        border-color: currentColor;
        background: var(--fp-success-bg);
      }
      .mark {
        font-weight: 700;
      }
    `,
  ];

  /** The latest frame's report; null shows every check as pending. */
  @property({ attribute: false }) report: QualityReport | null = null;

  private static readonly PENDING = ['One face in view', 'Close enough', 'Facing the camera', 'Sharp', 'Well lit'];

  override render() {
    const checks = this.report?.checks ?? FpQualityChecklist.PENDING.map((label) => ({ label, passed: false }));
    return html`<ul aria-label="Picture quality">
      ${checks.map(
        (check) =>
          html`<li class=${check.passed ? 'passed' : ''}>
            <span class="mark" aria-hidden="true">${check.passed ? '✓' : '○'}</span>
            ${check.label}<span class="visually-hidden">${check.passed ? ': passed' : ': not yet'}</span>
          </li>`,
      )}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fp-quality-checklist': FpQualityChecklist;
  }
}
