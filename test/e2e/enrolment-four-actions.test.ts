/**
 * Issue 14.1, in Dutch, at 900×1000 and 400×600: from "the portal shows its QR code" to "koppeling
 * gelukt" in four actions. One in Tweestap (Scherm scannen on the first screen), three in the
 * practice portal (click the field, Ctrl+V, Koppelen), checked by the portal's server. The same run
 * checks focus (on the code), the dialog's live region, the copy feedback above the backdrop, codes
 * on one line, the whole e-mail address readable, no backup notice during enrolment, and axe in
 * both themes. Through the real main on the stand-in, under Xvfb: the screen scan grabs the real
 * screen and the code travels over the real X clipboard.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { axeViolations, callApi, openApp, readClipboard, resizeWindow, useE2e } from './harness';
import { openPortal } from './scan-helpers';

const ctx = useE2e({ locale: 'nl-NL' });

/** True when `selector`'s first element shows all of its text (nothing cut off or scrolled). */
function showsAllText(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).first().evaluate((element) => element.scrollWidth <= element.clientWidth + 1);
}

/** The number of line boxes the element's text takes. */
function lineCount(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
  });
}

// Main's window is resized to each size, as the user would; the scan still gets the real
// screen's pixels (main's display-media handler picks the X screen), with the portal in a browser
// window of its own.
describe.each([
  [900, 1000],
  [400, 600],
])('enrolment in four actions at %i×%i', (width, height) => {
  test('Scherm scannen, then click, paste and Koppelen in the portal: the portal links the account', async () => {
    const { app, portal } = ctx;
    // A fresh first screen: no accounts, as a new user has.
    for (const account of await callApi(ctx.host, 'listAccounts')) await callApi(ctx.host, 'removeAccount', account.id);
    // Dutch, whatever the host system's language (the app follows the system by default).
    await callApi(ctx.host, 'updateSettings', { language: 'nl' });
    portal.reset();
    await resizeWindow(ctx.host, width, height);
    await app.emulateMedia({ colorScheme: 'light' });
    await openApp(ctx);
    const { account } = portal.state();
    const portalPage = await openPortal(ctx);
    // The portal in a browser window of its own size, its QR code on screen (what the scan sees).
    await portalPage.setViewportSize({ width: 900, height: 1000 });
    await portalPage.bringToFront();

    // Action 1, in Tweestap: the first screen's primary button.
    const scan = app.getByRole('button', { name: 'Scherm scannen' });
    expect(await scan.getAttribute('class')).toContain('primary');
    await scan.click();

    const screen = app.getByTestId('added-screen');
    await screen.waitFor({ timeout: 30_000 });
    const dialog = app.getByRole('dialog', { name: 'Account toegevoegd' });
    await expect.poll(() => dialog.getByTestId('copied-note').textContent()).toContain('Code gekopieerd — plak hem in de NSE Portal.');
    // Focus on the code; the dialog's polite live region names the account and the copy.
    await expect.poll(() => app.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('added-code');
    const live = dialog.getByTestId('announcer');
    expect(await live.getAttribute('aria-live')).toBe('polite');
    await expect.poll(() => live.textContent()).toContain(`Nse-Portal (${account}) is toegevoegd. Code gekopieerd — plak hem in de NSE Portal.`);
    // The copy feedback is on top: the toast's centre is the toast, not the backdrop.
    const onTop = await live.locator('.toast').evaluate((toast) => {
      const box = toast.getBoundingClientRect();
      return toast.contains(document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2));
    });
    expect(onTop).toBe(true);
    // The code on one line; the whole address readable.
    expect(await lineCount(app, '[data-testid="added-screen"] .code')).toBe(1);
    expect(await showsAllText(app, '[data-testid="added-screen"] .account-name')).toBe(true);
    // No notice interrupts enrolment.
    expect(await app.getByTestId('backup-reminder').count()).toBe(0);

    const copied = (await readClipboard()).trim();
    expect(copied).toMatch(/^\d{6}$/);

    // Actions 2–4, in the portal: click the field, paste, confirm.
    await portalPage.bringToFront();
    await portalPage.getByLabel('Zescijferige code').click();
    await portalPage.keyboard.press('Control+V');
    expect(await portalPage.getByLabel('Zescijferige code').inputValue()).toBe(copied);
    await portalPage.getByRole('button', { name: 'Koppelen' }).click();
    await expect.poll(() => portalPage.locator('#result').textContent()).toContain('Koppeling gelukt');
    expect(portal.state().linked).toBe(true);
    await portalPage.close();

    for (const theme of ['light', 'dark'] as const) {
      await app.emulateMedia({ colorScheme: theme });
      expect(await axeViolations(app)).toEqual([]);
    }
    await app.getByRole('button', { name: 'Klaar' }).click();
    await expect.poll(() => app.getByRole('dialog').count()).toBe(0);
    // Still no reminder right after enrolment; in the list the code stays on one line and the address whole.
    expect(await app.getByTestId('backup-reminder').count()).toBe(0);
    expect(await lineCount(app, '.account-row .code')).toBe(1);
    expect(await app.locator('.account-row .account-name').textContent()).toBe(account);
    expect(await showsAllText(app, '.account-row .account-name')).toBe(true);
  });
});
