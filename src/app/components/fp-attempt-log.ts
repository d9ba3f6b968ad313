import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { AttemptRecord } from '../../storage';
import { describeStorageError } from '../messages';
import { requireOwner } from '../owner-gate';
import { sharedStyles } from '../styles/shared';
import { trustServices } from '../trust-services';
import './fp-alert';

/** Entries shown at once; the export has them all. */
const SHOWN = 100;
const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'medium' });

/**
 * The attempt log, for the owner: every verification decision (time, mode, who or no one, distance,
 * threshold, liveness), newest first. Shown, exported and cleared after the owner's confirmation.
 */
@customElement('fp-attempt-log')
export class FpAttemptLog extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .scroll {
        max-height: 22rem;
        overflow: auto;
        margin-bottom: 0.75rem;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        font-size: 0.9rem;
        font-variant-numeric: tabular-nums;
      }
      th,
      td {
        text-align: left;
        padding: 0.3rem 0.6rem 0.3rem 0;
        border-bottom: 1px solid var(--fp-border);
        white-space: nowrap;
      }
      th {
        color: var(--fp-muted);
        font-weight: 600;
        position: sticky;
        top: 0;
        background: var(--fp-surface);
      }
      .refused {
        color: var(--fp-danger);
        font-weight: 600;
      }
      .accepted {
        color: var(--fp-success);
        font-weight: 600;
      }
      fp-alert {
        margin-top: 0.75rem;
      }
    `,
  ];

  /** null until the owner opens the log. */
  @state() private entries: AttemptRecord[] | null = null;
  @state() private error: string | null = null;

  private async show(): Promise<void> {
    if (!(await requireOwner('attempt-log'))) return;
    await this.reload();
  }

  private async reload(): Promise<void> {
    try {
      this.entries = await trustServices().log.list();
      this.error = null;
    } catch (error) {
      this.error = describeStorageError(error).message;
    }
  }

  private async exportLog(): Promise<void> {
    const file = await trustServices().log.exportFile(new Date());
    const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 1)], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `faceprint-attempts-${file.exportedAt.slice(0, 10)}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  private async clear(): Promise<void> {
    if (!(await requireOwner('attempt-log'))) return;
    await trustServices().log.clear();
    await this.reload();
  }

  override render() {
    const entries = this.entries;
    return html`<h3>Attempt log</h3>
      <p>
        Every verification decision is logged on this device: when, how, who (or no one), the distance and the
        threshold. No picture is kept. The log holds the latest 1,000.
      </p>
      ${
        entries === null
          ? html`<div class="actions"><button @click=${this.show}>Show the attempt log</button></div>`
          : html`${
                entries.length === 0
                  ? html`<p data-attempts="0">No verification yet.</p>`
                  : html`<div class="scroll">
                        <table aria-label="Attempt log" data-attempts=${entries.length}>
                          <thead>
                            <tr>
                              <th>Time</th>
                              <th>Mode</th>
                              <th>Outcome</th>
                              <th>Person</th>
                              <th>Distance</th>
                              <th>Threshold</th>
                              <th>Liveness</th>
                            </tr>
                          </thead>
                          <tbody>
                            ${entries.slice(0, SHOWN).map(
                              (entry) =>
                                html`<tr>
                                  <td>${timeFormat.format(entry.at)}</td>
                                  <td>${entry.mode}</td>
                                  <td class=${entry.outcome}>${entry.outcome}</td>
                                  <td>${entry.personName ?? '—'}</td>
                                  <td>${entry.distance === null ? '—' : entry.distance.toFixed(3)}</td>
                                  <td>${entry.threshold.toFixed(3)}</td>
                                  <td>${entry.liveness ?? '—'}</td>
                                </tr>`,
                            )}
                          </tbody>
                        </table>
                      </div>
                      ${entries.length > SHOWN ? html`<p>Showing the latest ${SHOWN} of ${entries.length}; the export has them all.</p>` : null}`
              }
              <div class="actions">
                <button @click=${this.exportLog} ?disabled=${entries.length === 0}>Export the log</button>
                <button class="danger" @click=${this.clear} ?disabled=${entries.length === 0}>Clear the log</button>
                <button @click=${() => (this.entries = null)}>Hide</button>
              </div>`
      }
      ${this.error ? html`<fp-alert tone="error" heading="The log could not be read">${this.error}</fp-alert>` : null}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fp-attempt-log': FpAttemptLog;
  }
}
