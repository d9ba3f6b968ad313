// The owner gate the views call before a protected action:
//
//   if (!(await requireOwner('enroll'))) return;
//
// Without an owner, the first protected action sets one up. Settings changes (threshold, liveness)
// are free until an owner exists: before the first enrollment there is nothing for them to protect.
import type { OwnerAction } from '../trust';
import { openDialog } from './dialogs';
import { trustServices } from './trust-services';
import { FpOwnerDialog } from './components/fp-owner-dialog';

const FREE_WITHOUT_OWNER: ReadonlySet<OwnerAction> = new Set(['threshold', 'liveness']);

/** True once the owner has confirmed `action` (or set themselves up); false if they cancelled. */
export async function requireOwner(action: OwnerAction, subject = ''): Promise<boolean> {
  if (FREE_WITHOUT_OWNER.has(action)) {
    // If storage cannot say, the dialog asks (and explains the storage problem).
    const owner = await trustServices()
      .owner.state()
      .catch(() => null);
    if (owner?.kind === 'none') return true;
  }
  const dialog = new FpOwnerDialog();
  dialog.action = action;
  dialog.subject = subject;
  return openDialog(dialog);
}
