import { expect, test } from './helpers/app';

test.describe('app shell', () => {
  test('renders the header, the navigation and every view', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: /Faceprint/ })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const [link, heading] of [
      ['Enroll', 'Enroll a face'],
      ['Verify', 'Verify a face'],
      ['People', 'People'],
      ['Settings', 'Settings'],
    ] as const) {
      await nav.getByRole('link', { name: link }).click();
      await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
      await expect(nav.getByRole('link', { name: link })).toHaveAttribute('aria-current', 'page');
    }
    // With no one enrolled the app opens on Enroll.
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 2, name: 'Enroll a face' })).toBeVisible();
  });

  test('is usable from the keyboard', async ({ page }) => {
    await page.goto('/#/enroll');
    await expect(page.getByRole('heading', { level: 2, name: 'Enroll a face' })).toBeVisible();
    // Tab from the top of the page reaches the navigation; Enter follows a link.
    let reached = false;
    for (let i = 0; i < 8 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => {
        let element = document.activeElement;
        while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
        return element?.textContent?.trim() === 'People';
      });
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: 'People' })).toBeVisible();
    // The enroll form: type a name and submit with Enter.
    await page.goto('/#/enroll');
    const name = page.getByLabel('Name', { exact: true });
    await name.focus();
    await name.fill('Keyboard User');
    await expect(page.getByRole('button', { name: 'Start capture' })).toBeEnabled();
  });

  test('ships a Content-Security-Policy that allows only its own origin', async ({ page }) => {
    await page.goto('/');
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/https?:/);
  });

  test('shows model loading progress, then the engine is ready', async ({ page }) => {
    await page.goto('/#/settings');
    await expect(page.locator('fp-load-progress')).toBeVisible();
    await expect(page.getByRole('progressbar')).toBeVisible();
    await expect(page.locator('[data-engine="ready"]')).toBeVisible({ timeout: 8 * 60_000 });
    await expect(page.locator('fp-load-progress')).toHaveCount(0);
    // Chromium here has no GPU: WebGPU runs on SwiftShader, which the app must own up to.
    await expect(page.getByText('Ready (WebGPU in software, on the processor)')).toBeVisible();
    await expect(page.locator('fp-alert[data-problem="software-renderer"]')).toContainText('graphics acceleration');
  });
});
