// Verification decisions reported the way the verify view reports them (an fp-decision event from
// the view), for tests of what happens after a decision: the log, the lock, other tabs. They do not
// run the camera or the engine; lockout.spec.ts also runs one real verification.
import type { Page } from '@playwright/test';

export async function reportDecisions(page: Page, outcome: 'match' | 'no-match', count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await page.evaluate((outcome) => {
      const view = document.querySelector('fp-app')?.shadowRoot?.querySelector('fp-verify-view');
      if (!view) throw new Error('the verify view is not on the page');
      const distance = outcome === 'match' ? 0.31 : 0.82;
      view.dispatchEvent(
        new CustomEvent('fp-decision', {
          bubbles: true,
          composed: true,
          detail: {
            mode: '1:N',
            outcome,
            personId: 'person-ada-lovelace',
            name: 'Ada Lovelace',
            distance,
            distances: [distance, distance, distance],
            threshold: 0.55,
          },
        }),
      );
    }, outcome);
    // Each decision is one transaction; let it land before the next, as frames would.
    await page.waitForTimeout(50);
  }
}
