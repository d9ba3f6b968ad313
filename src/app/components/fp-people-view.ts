import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import {
  ImportError,
  SEALED_FILE_EXTENSION,
  isSealed,
  openSealedExport,
  readSealedHeader,
  sealExport,
  type EnrollmentStore,
  type ModelSpec,
  type PersonRecord,
} from '../../storage';
import { parseExportFile } from '../../storage/export-format';
import { openDialog } from '../dialogs';
import { emit } from '../events';
import { describeStorageError, type Problem } from '../messages';
import { requireOwner } from '../owner-gate';
import { sharedStyles } from '../styles/shared';
import { FpConfirmDialog } from './fp-confirm-dialog';
import { FpPassphraseDialog, type PassphrasePurpose } from './fp-passphrase-dialog';
import './fp-alert';

/** Import files larger than this are refused before reading (an export of 1,000 people is ~3 MB). */
const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

async function askPassphrase(purpose: PassphrasePurpose, detail: string): Promise<string | null> {
  const dialog = new FpPassphraseDialog();
  dialog.purpose = purpose;
  dialog.detail = detail;
  return openDialog(dialog);
}

async function confirmUnsealedImport(): Promise<boolean> {
  const dialog = new FpConfirmDialog();
  dialog.heading = 'This file is not sealed';
  dialog.message =
    'It is a plain export from an older Faceprint: the faces in it were readable by anyone who had the file. ' +
    'Import it only if it came from you, then delete it; new exports are sealed with a passphrase.';
  dialog.confirmLabel = 'Import anyway';
  return openDialog(dialog);
}

/**
 * The people enrolled on this device: how many samples each has, adding samples, deleting (after a
 * confirmation), and exporting everyone to a sealed file or importing one. Deleting, exporting and
 * importing need the owner's confirmation.
 *
 * @fires fp-people-changed - After a delete or an import.
 */
@customElement('fp-people-view')
export class FpPeopleView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .toolbar {
        margin-bottom: 1rem;
      }
      fp-alert {
        display: block;
        margin-bottom: 1rem;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.6rem;
      }
      li.card {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.75rem;
        padding: 0.9rem 1.1rem;
      }
      .who {
        display: flex;
        align-items: center;
        gap: 0.85rem;
        min-width: 0;
      }
      .avatar {
        width: 2.5rem;
        height: 2.5rem;
        border-radius: 50%;
        background: var(--fp-info-bg);
        color: var(--fp-accent);
        display: grid;
        place-items: center;
        font-weight: 700;
        flex: none;
      }
      .name {
        font-weight: 700;
        font-size: 1.05rem;
        overflow-wrap: anywhere;
      }
      .meta {
        color: var(--fp-muted);
        font-size: 0.9rem;
      }
      .badge {
        display: inline-block;
        margin-left: 0.4rem;
        padding: 0 0.45rem;
        border-radius: 999px;
        font-size: 0.8rem;
        background: var(--fp-warning-bg);
        color: var(--fp-warning);
      }
      .confirm {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem;
      }
      .empty {
        color: var(--fp-muted);
      }
    `,
  ];

  /** Everyone enrolled. */
  @property({ attribute: false }) people: readonly PersonRecord[] = [];

  /** Where enrollments live. */
  @property({ attribute: false }) store: EnrollmentStore | null = null;

  /** The model exports are made for and imports are checked against. */
  @property({ attribute: false }) model: ModelSpec | null = null;

  @state() private confirmingId: string | null = null;
  @state() private busy = false;
  @state() private notice: { tone: 'success' | 'info'; text: string } | null = null;
  @state() private problem: Problem | null = null;

  @query('#import-file') private fileInput!: HTMLInputElement;

  private async run(work: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.problem = null;
    this.notice = null;
    try {
      await work();
    } catch (error) {
      this.problem = describeStorageError(error);
    } finally {
      this.busy = false;
    }
  }

  private async deletePerson(person: PersonRecord): Promise<void> {
    const confirmed = await requireOwner('delete', person.name);
    this.confirmingId = null;
    if (!confirmed) return;
    await this.run(async () => {
      await this.store?.deletePerson(person.id);
      this.notice = { tone: 'info', text: `${person.name} was deleted, with ${person.samples.length} face samples.` };
      emit(this, 'fp-people-changed', { reason: 'deleted' });
    });
  }

  private async exportAll(): Promise<void> {
    const { store, model } = this;
    if (!store || !model) return;
    if (!(await requireOwner('export'))) return;
    await this.run(async () => {
      const { file, skipped } = await store.exportAll(model);
      const samples = file.people.reduce((total, person) => total + person.samples.length, 0);
      const passphrase = await askPassphrase(
        'seal',
        `${file.people.length} ${file.people.length === 1 ? 'person' : 'people'}, ${samples} samples`,
      );
      if (passphrase === null) return;
      const sealed = await sealExport(file, passphrase);
      const url = URL.createObjectURL(
        new Blob([sealed as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }),
      );
      const link = document.createElement('a');
      link.href = url;
      link.download = `faceprint-enrollments-${file.exportedAt.slice(0, 10)}${SEALED_FILE_EXTENSION}`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      this.notice = {
        tone: 'success',
        text:
          `Exported ${file.people.length} ${file.people.length === 1 ? 'person' : 'people'} (${samples} samples), sealed with your passphrase. ` +
          'Without the passphrase the file cannot be read or imported.' +
          (skipped ? ` ${skipped} enrolled with another face model were left out.` : ''),
      };
    });
  }

  private async importFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    const { store, model } = this;
    if (!file || !store || !model) return;
    await this.run(async () => {
      if (file.size > MAX_IMPORT_BYTES)
        throw new ImportError('invalid-data', 'This file is too large to be a Faceprint export.');
      const bytes = new Uint8Array(await file.arrayBuffer());
      let text: string;
      if (isSealed(bytes)) {
        // Damage, truncation, version and model are reported before anyone types a passphrase.
        const header = await readSealedHeader(bytes, model);
        if (!(await requireOwner('import'))) return;
        const passphrase = await askPassphrase(
          'open',
          `${header.people} ${header.people === 1 ? 'person' : 'people'}, exported ${header.exportedAt.slice(0, 10)}`,
        );
        if (passphrase === null) return;
        text = await openSealedExport(bytes, passphrase, model);
      } else {
        text = new TextDecoder().decode(bytes);
        parseExportFile(text, model);
        if (!(await confirmUnsealedImport())) return;
        if (!(await requireOwner('import'))) return;
      }
      const summary = await store.importAll(text, model);
      const changed = summary.peopleAdded + summary.peopleUpdated;
      this.notice = {
        tone: 'success',
        text:
          changed === 0
            ? 'Everything in this file was already here; nothing changed.'
            : `Imported ${summary.samplesAdded} samples: ${summary.peopleAdded} new ${summary.peopleAdded === 1 ? 'person' : 'people'}, ${summary.peopleUpdated} updated.`,
      };
      if (changed > 0) emit(this, 'fp-people-changed', { reason: 'imported' });
    });
  }

  override render() {
    const count = this.people.length;
    return html`<section aria-labelledby="people-heading">
      <h2 id="people-heading">People</h2>
      <p class="lead">
        ${count === 0 ? 'No one is enrolled on this device.' : `${count} ${count === 1 ? 'person is' : 'people are'} enrolled on this device.`}
        Face data never leaves this device unless the owner exports it, sealed with a passphrase.
      </p>
      <div class="actions toolbar">
        <button @click=${this.exportAll} ?disabled=${this.busy || count === 0 || !this.model}>Export all…</button>
        <button @click=${() => this.fileInput.click()} ?disabled=${this.busy || !this.model}>Import…</button>
        <input
          id="import-file"
          class="visually-hidden"
          type="file"
          accept="${SEALED_FILE_EXTENSION},application/octet-stream,application/json,.json"
          aria-label="Import enrollments from a file"
          tabindex="-1"
          @change=${this.importFile}
        />
      </div>
      ${
        this.problem
          ? html`<fp-alert tone="error" heading=${this.problem.title} data-problem=${this.problem.kind}
              >${this.problem.message}</fp-alert
            >`
          : null
      }
      ${this.notice ? html`<fp-alert tone=${this.notice.tone}>${this.notice.text}</fp-alert>` : null}
      ${
        count === 0
          ? html`<p class="empty"><a href="#/enroll">Enroll a face</a> or import an export file.</p>`
          : html`<ul aria-label="Enrolled people">
              ${this.people.map((person) => this.renderPerson(person))}
            </ul>`
      }
    </section>`;
  }

  private renderPerson(person: PersonRecord) {
    const otherModel = this.model && person.modelId !== this.model.modelId;
    const confirming = this.confirmingId === person.id;
    return html`<li class="card" data-person=${person.name}>
      <div class="who">
        <span class="avatar" aria-hidden="true">${person.name.trim().charAt(0).toLocaleUpperCase()}</span>
        <div>
          <div class="name">
            ${person.name}${otherModel ? html`<span class="badge" title=${person.modelId}>older model</span>` : null}
          </div>
          <div class="meta">
            <span data-samples=${person.samples.length}
              >${person.samples.length} ${person.samples.length === 1 ? 'sample' : 'samples'}</span
            >
            · enrolled ${dateFormat.format(person.createdAt)}
            ${person.updatedAt !== person.createdAt ? html`· updated ${dateFormat.format(person.updatedAt)}` : null}
          </div>
        </div>
      </div>
      ${
        confirming
          ? html`<div class="confirm" role="group" aria-label="Confirm deleting ${person.name}">
              <span>Delete ${person.name} and ${person.samples.length} samples?</span>
              <button class="danger solid" @click=${() => this.deletePerson(person)} ?disabled=${this.busy}>
                Delete
              </button>
              <button @click=${() => (this.confirmingId = null)}>Cancel</button>
            </div>`
          : html`<div class="actions">
              <a class="button" href="#/enroll?name=${encodeURIComponent(person.name)}">Add samples</a>
              <button class="danger" @click=${() => (this.confirmingId = person.id)} aria-label="Delete ${person.name}">
                Delete
              </button>
            </div>`
      }
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fp-people-view': FpPeopleView;
  }
}
