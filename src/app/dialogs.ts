// Modal dialogs opened from code: the element is added to the page, shown, and removed once it
// settles, so a view asks `await openDialog(...)` and gets the person's answer.
export interface SettlingDialog<T> extends HTMLElement {
  /** Resolves with the answer; the element is removed afterwards. */
  readonly result: Promise<T>;
}

export async function openDialog<T>(dialog: SettlingDialog<T>): Promise<T> {
  document.body.append(dialog);
  try {
    return await dialog.result;
  } finally {
    dialog.remove();
  }
}
