/**
 * Scan the screen through the real main on the stand-in under Xvfb: the practice portal shows its
 * QR in a browser window of its own, main's display-media handler picks the entire screen, the
 * renderer grabs one frame per screen and decodes it in the worker; the code Tweestap then
 * shows (and has copied at once) is typed into the portal. Also: no QR on screen, two codes on
 * screen, tracks stopped, and Paste from the clipboard (main reads the real X clipboard: an image
 * is scanned, other text is refused).
 */
import type { Page } from 'playwright-core';
import QRCode from 'qrcode';
import { beforeAll, describe, expect, test } from 'vitest';
import { showInOwnWindow } from '../shell/launch';
import { axeViolations, callApi, readClipboard, testUri, useE2e, writeClipboard } from './harness';
import { closeDialog, confirmedCode, openAddDialog, openPortal, recordMediaTracks, submitToPortal, trackStates } from './scan-helpers';

const ctx = useE2e();

beforeAll(async () => {
  await recordMediaTracks(ctx.browser);
  // A new document, so the init script runs (going to the same URL only changes its fragment).
  await ctx.app.reload();
  await ctx.app.locator('.app-header').waitFor();
});

/** Shows `page` in front of Tweestap's window, as the user's browser would be. */
async function showInFront(page: Page): Promise<void> {
  await page.bringToFront();
  await page.waitForLoadState('load');
}

/** Opens Add account and clicks its first, primary way in: Scan the screen (the dialog's, not the first screen's). */
async function scanScreen(): Promise<void> {
  await openAddDialog(ctx.app);
  const scan = ctx.app.getByRole('dialog', { name: 'Add account' }).getByRole('button', { name: 'Scan the screen' });
  expect(await scan.getAttribute('class')).toContain('primary');
  await scan.click();
}

async function expectTracksEnded(): Promise<void> {
  const states = await trackStates(ctx.app);
  expect(states.length).toBeGreaterThan(0);
  expect(states.every((state) => state === 'ended')).toBe(true);
}

describe('scan the screen', () => {
  test('the portal QR in another window is added, its code copied at once, and the portal accepts it', async () => {
    const { app, portal } = ctx;
    portal.reset();
    const portalPage = await openPortal(ctx);
    await showInFront(portalPage);
    await scanScreen();
    const code = await confirmedCode(app);
    expect(await app.getByTestId('added-screen').textContent()).toContain(portal.state().account);
    await expectTracksEnded();
    // One account from a scan: its code is on the clipboard already (the next one when the current
    // had under 5 s left), and the screen says so.
    await expect.poll(() => app.getByTestId('copied-note').textContent()).toContain('Code copied — paste it into the NSE Portal.');
    const copied = (await readClipboard()).trim();
    expect(copied).toMatch(/^\d{6}$/);
    // The portal's server checks the code shown, and the one copied (the same, or the next one).
    expect(await submitToPortal(portalPage, code)).toContain('Koppeling gelukt');
    await portalPage.goto(`${portal.url}/`);
    expect(await submitToPortal(portalPage, copied)).toContain('Koppeling gelukt');
    expect(portal.state().linked).toBe(true);
    await portalPage.close();
    await app.getByRole('button', { name: 'Done' }).click();
  });

  test('no QR on screen says what to try and adds nothing', async () => {
    const { app } = ctx;
    const blank = await showInOwnWindow(ctx.app, '<h1>Geen QR-code hier</h1>');
    await showInFront(blank);
    const before = (await callApi(ctx.host, 'listAccounts')).length;
    await scanScreen();
    const error = app.getByTestId('add-error');
    await error.waitFor({ timeout: 30_000 });
    expect(await error.textContent()).toContain('No QR code was found on your screens');
    expect(await error.textContent()).toContain('zoom the page in');
    expect((await callApi(ctx.host, 'listAccounts')).length).toBe(before);
    await expectTracksEnded();
    await closeDialog(app);
    await blank.close();
  });

  test('two accounts on screen: the user picks, or adds all', async () => {
    const { app } = ctx;
    const links = [testUri('Screen One', 'one@example.nl', 'JBSWY3DPEHPK3PXP'), testUri('Screen Two', 'two@example.nl', 'KRSXG5CTMVRXEZLU')];
    const images = await Promise.all(links.map((link) => QRCode.toDataURL(link, { margin: 4, scale: 5 })));
    const page = await showInOwnWindow(ctx.app, images.map((src) => `<img src="${src}" alt="" style="margin:16px">`).join(''));
    await showInFront(page);
    await scanScreen();
    const pick = app.getByTestId('scan-pick');
    await pick.waitFor({ timeout: 30_000 });
    expect(await pick.textContent()).toContain('Screen One (one@example.nl)');
    expect(await axeViolations(app)).toEqual([]);
    await app.getByRole('button', { name: 'Add all 2' }).click();
    const screen = app.getByTestId('added-screen');
    await screen.waitFor();
    expect(await screen.textContent()).toContain('2 accounts have been added.');
    await app.getByRole('button', { name: 'Done' }).click();
    await page.close();
  });

  test('Paste from the clipboard scans a copied screenshot of the QR code; the portal accepts the code', async () => {
    const { app, portal } = ctx;
    portal.reset();
    const png = new Uint8Array(await (await fetch(`${portal.url}/qr.png`)).arrayBuffer());
    await writeClipboard(png, 'image/png');
    await openAddDialog(app);
    await app.getByRole('dialog', { name: 'Add account' }).getByRole('button', { name: 'Paste from the clipboard' }).click();
    const code = await confirmedCode(app);
    expect(await app.getByTestId('added-screen').textContent()).toContain(portal.state().account);
    const portalPage = await openPortal(ctx);
    expect(await submitToPortal(portalPage, code)).toContain('Koppeling gelukt');
    expect(portal.state().linked).toBe(true);
    await portalPage.close();
    await app.getByRole('button', { name: 'Done' }).click();
  });

  test.each(['light', 'dark'] as const)('Paste from the clipboard refuses other text and adds nothing; the dialog has no accessibility violations (%s theme)', async (theme) => {
    const { app } = ctx;
    await app.emulateMedia({ colorScheme: theme });
    // Text that is no otpauth link (a password copied elsewhere) never reaches the window.
    await writeClipboard('correct horse battery staple');
    const before = (await callApi(ctx.host, 'listAccounts')).length;
    await openAddDialog(app);
    await app.getByRole('dialog', { name: 'Add account' }).getByRole('button', { name: 'Paste from the clipboard' }).click();
    const error = app.getByTestId('add-error');
    await error.waitFor();
    expect(await error.textContent()).toBe(
      'The clipboard holds no image and no otpauth:// link. Copy a screenshot of the QR code first (for example with the Print Screen key), then try again.',
    );
    // Main could read the clipboard, so no "press Ctrl+V" hint; and the refused text is shown nowhere.
    expect(await app.getByTestId('paste-hint').count()).toBe(0);
    expect(await app.getByRole('dialog').textContent()).not.toContain('correct horse');
    expect((await callApi(ctx.host, 'listAccounts')).length).toBe(before);
    expect(await axeViolations(app)).toEqual([]);
    await closeDialog(app);
  });
});
