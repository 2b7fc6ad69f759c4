/**
 * The NSE Portal enrolment end to end: a first-time user adds the practice portal's account by
 * its link, by typing its key, by dropping and by pasting its QR image, sees the confirmation
 * with the portal's words, and the code typed back into the portal links the account.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useE2e } from './harness';
import { confirmedCode, openAddDialog, openPortal, submitToPortal } from './scan-helpers';

const ctx = useE2e();

/** Types Tweestap's code for the portal's account into a fresh portal page and returns its verdict. */
async function linkInPortal(code: string): Promise<string> {
  const portalPage = await openPortal(ctx);
  try {
    return await submitToPortal(portalPage, code);
  } finally {
    await portalPage.close();
  }
}

/** The practice portal's QR image, base64, as a page's script can rebuild it into a File. */
async function portalQrBase64(): Promise<string> {
  return Buffer.from(await (await fetch(`${ctx.portal.url}/qr.png`)).arrayBuffer()).toString('base64');
}

async function finish(app: Page): Promise<void> {
  await app.getByRole('button', { name: 'Done' }).click();
  await expect.poll(() => app.getByRole('dialog').count()).toBe(0);
}

describe('enrolment with the practice portal', () => {
  test('a first-time user sees the portal steps in plain language', async () => {
    const { app } = ctx;
    await expect.poll(() => app.getByRole('heading', { name: 'Link Tweestap to the NSE Portal' }).isVisible()).toBe(true);
    const steps = await app.locator('.steps li').allTextContents();
    expect(steps).toHaveLength(6);
    expect(steps.join(' ')).toContain('Nse-Portal');
    expect(steps.join(' ')).toContain('every 20 seconds');
  });

  test('pasting the portal link adds Nse-Portal, shows its code with the portal words, and the portal accepts it', async () => {
    const { app, portal } = ctx;
    const { uri, account } = portal.state();
    await openAddDialog(app);
    await app.getByRole('button', { name: 'Paste a link' }).click();
    const field = app.getByLabel('Link (otpauth:// or otpauth-migration://)');
    await field.fill(uri);
    await app.getByRole('button', { name: 'Add account' }).last().click();
    const screen = app.getByTestId('added-screen');
    await screen.waitFor();
    expect(await screen.textContent()).toContain(`Nse-Portal (${account}) has been added.`);
    expect(await screen.textContent()).toContain('Type this code in the NSE Portal to finish linking');
    const code = await confirmedCode(app);
    expect(code).toMatch(/^\d{6}$/);
    expect(await linkInPortal(code)).toContain('Koppeling gelukt');
    expect(portal.state().linked).toBe(true);
    await finish(app);
    // The list shows the issuer large with the e-mail address below it.
    const row = app.locator('.account-row', { hasText: account });
    expect(await row.locator('.issuer').textContent()).toBe('Nse-Portal');
    expect(await row.locator('.account-name').textContent()).toBe(account);
  });

  test('a wrong code is rejected by the portal', async () => {
    const code = (await ctx.app.locator('.account-row').first().getByTestId('code').textContent())!.replace(/\s/g, '');
    const wrong = String((Number(code) + 500_000) % 1_000_000).padStart(6, '0');
    expect(await linkInPortal(wrong)).toContain('Onjuiste code');
  });

  test('typing the key by hand (spaces, lower case) links a new enrolment', async () => {
    const { app, portal } = ctx;
    portal.reset();
    const { secret, account } = portal.state();
    await openAddDialog(app);
    await app.getByRole('button', { name: 'Enter a key manually' }).click();
    await app.getByLabel('Service (issuer)').fill('Nse-Portal');
    await app.getByLabel('Account', { exact: true }).fill(account);
    await app.getByLabel('Secret key').fill(secret.toLowerCase().replace(/(.{4})/g, '$1 '));
    await app.locator('summary', { hasText: 'Advanced' }).click();
    await app.getByLabel('Period (seconds)').fill('20');
    await app.getByRole('button', { name: 'Add account' }).last().click();
    const code = await confirmedCode(app);
    expect(await linkInPortal(code)).toContain('Koppeling gelukt');
    await finish(app);
  });

  test('manual entry explains each mistake and adds nothing', async () => {
    const { app } = ctx;
    const before = await app.locator('.account-row').count();
    await openAddDialog(app);
    await app.getByRole('button', { name: 'Enter a key manually' }).click();
    await app.getByLabel('Secret key').fill('not a key 0189');
    await app.locator('summary', { hasText: 'Advanced' }).click();
    await app.getByLabel('Period (seconds)').fill('0');
    await app.getByRole('button', { name: 'Add account' }).last().click();
    const dialog = app.getByRole('dialog');
    expect(await dialog.textContent()).toContain('Fill in a service or an account name.');
    expect(await dialog.textContent()).toContain('A key holds only the letters A–Z and the digits 2–7.');
    expect(await dialog.textContent()).toContain('The period is a whole number of seconds from 1 to 86400');
    await app.keyboard.press('Escape');
    await expect.poll(() => app.getByRole('dialog').count()).toBe(0);
    expect(await app.locator('.account-row').count()).toBe(before);
  });

  test('a web link is named as such and not added', async () => {
    const { app } = ctx;
    await openAddDialog(app);
    await app.getByRole('button', { name: 'Paste a link' }).click();
    await app.getByLabel('Link (otpauth:// or otpauth-migration://)').fill('https://nse-portal.crowdtech.com/');
    await app.getByRole('button', { name: 'Add account' }).last().click();
    const error = app.getByTestId('add-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/web link/i);
    await app.keyboard.press('Escape');
  });

  test('dropping the QR image onto the window adds the account and the portal accepts its code', async () => {
    const { app, portal } = ctx;
    portal.reset();
    await app.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], 'qr.png', { type: 'image/png' }));
      document.querySelector('main')!.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }));
      document.querySelector('main')!.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }, await portalQrBase64());
    const code = await confirmedCode(app);
    expect(await app.getByTestId('added-screen').textContent()).toContain(portal.state().account);
    expect(await linkInPortal(code)).toContain('Koppeling gelukt');
    await finish(app);
  });

  test('pasting the QR image with Ctrl+V adds the account and the portal accepts its code', async () => {
    const { app, portal } = ctx;
    portal.reset();
    await app.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], 'screenshot.png', { type: 'image/png' }));
      document.body.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: transfer }));
    }, await portalQrBase64());
    const code = await confirmedCode(app);
    expect(await app.getByTestId('added-screen').textContent()).toContain(portal.state().account);
    expect(await linkInPortal(code)).toContain('Koppeling gelukt');
    await finish(app);
  });

  test('opening an image without a QR code says so', async () => {
    const { app } = ctx;
    await openAddDialog(app);
    // A 1×1 PNG: an image, but no QR code.
    const blank = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    await app.getByTestId('image-input').setInputFiles({ name: 'blank.png', mimeType: 'image/png', buffer: blank });
    const error = app.getByTestId('add-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('No QR code was found');
    await app.keyboard.press('Escape');
  });
});
