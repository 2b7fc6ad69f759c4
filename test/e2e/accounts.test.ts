/**
 * Living with the list: copy and clipboard clearing, rename, reorder by keyboard and by mouse,
 * search by typing, delete with a confirmation that names the account, and duplicates.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { callApi, openApp, readClipboard, testUri, useE2e } from './harness';

const ctx = useE2e();

const ALPHA = testUri('Alpha Bank', 'anna@example.com', 'JBSWY3DPEHPK3PXP');
const BRAVO = testUri('Bravo Mail', 'bob@example.com', 'GEZDGNBVGY3TQOJQ');
const CHARLIE = testUri('Charlie Cloud', 'chris@example.com', 'MFRGGZDFMZTWQ2LK', 20);

async function issuers(app: Page): Promise<string[]> {
  return app.locator('.account-row .issuer').allTextContents();
}

async function storedIssuers(): Promise<string[]> {
  return (await callApi(ctx.host, 'listAccounts')).map((account) => account.issuer);
}

function row(app: Page, issuer: string) {
  return app.locator('.account-row', { has: app.locator('.issuer', { hasText: issuer }) });
}

describe('the account list', () => {
  beforeAll(async () => {
    for (const uri of [ALPHA, BRAVO, CHARLIE]) await callApi(ctx.host, 'addFromUri', uri, 'ask');
    await openApp(ctx);
    await row(ctx.app, 'Charlie Cloud').getByTestId('code').waitFor();
  });

  test('codes are grouped for reading and each account counts down its own period', async () => {
    const { app } = ctx;
    expect(await row(app, 'Alpha Bank').getByTestId('code').textContent()).toMatch(/^\d{3} \d{3}$/);
    const alphaLeft = Number((await row(app, 'Alpha Bank').getByTestId('countdown').textContent())!.match(/\d+/)![0]);
    const charlieLeft = Number((await row(app, 'Charlie Cloud').getByTestId('countdown').textContent())!.match(/\d+/)![0]);
    expect(alphaLeft).toBeGreaterThanOrEqual(1);
    expect(alphaLeft).toBeLessThanOrEqual(30);
    expect(charlieLeft).toBeGreaterThanOrEqual(1);
    expect(charlieLeft).toBeLessThanOrEqual(20);
  });

  test('click copies the code, a confirmation is announced, and the clipboard is cleared after the set time', async () => {
    const { app } = ctx;
    // 5 s: the shortest clearing main accepts besides "never" (issue 12.2).
    await callApi(ctx.host, 'updateSettings', { clipboardClearSeconds: 5 });
    const shown = (await row(app, 'Alpha Bank').getByTestId('code').textContent())!.replace(' ', '');
    await row(app, 'Alpha Bank').getByTestId('copy-button').click();
    await expect.poll(() => app.getByTestId('announcer').textContent()).toContain('Code of Alpha Bank (anna@example.com) copied.');
    const copied = await readClipboard();
    // The step may have just turned over between reading the screen and clicking.
    const now = (await row(app, 'Alpha Bank').getByTestId('code').textContent())!.replace(' ', '');
    expect([shown, now]).toContain(copied);
    await expect.poll(readClipboard, { timeout: 9000, interval: 250 }).not.toBe(copied);
  });

  test('Enter on a focused account copies it too', async () => {
    const { app } = ctx;
    await row(app, 'Bravo Mail').getByTestId('copy-button').focus();
    await app.keyboard.press('Enter');
    await expect.poll(() => app.getByTestId('announcer').textContent()).toContain('Code of Bravo Mail (bob@example.com) copied.');
  });

  test('rename changes the labels in the list and in the vault', async () => {
    const { app } = ctx;
    await app.getByRole('button', { name: 'Rename Bravo Mail (bob@example.com)' }).click();
    const dialog = app.getByRole('dialog', { name: 'Rename Bravo Mail (bob@example.com)' });
    await dialog.getByLabel('Service (issuer)').fill('Bravo Post');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => issuers(app)).toEqual(['Alpha Bank', 'Bravo Post', 'Charlie Cloud']);
    expect(await storedIssuers()).toEqual(['Alpha Bank', 'Bravo Post', 'Charlie Cloud']);
  });

  test('Alt+Arrow keys reorder by keyboard and keep the focus on the moved account', async () => {
    const { app } = ctx;
    await row(app, 'Alpha Bank').getByTestId('copy-button').focus();
    await app.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => issuers(app)).toEqual(['Bravo Post', 'Alpha Bank', 'Charlie Cloud']);
    await expect.poll(() => app.evaluate(() => document.activeElement?.closest('.account-row')?.querySelector('.issuer')?.textContent)).toBe('Alpha Bank');
    await app.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => storedIssuers()).toEqual(['Bravo Post', 'Charlie Cloud', 'Alpha Bank']);
    await app.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => storedIssuers()).toEqual(['Bravo Post', 'Alpha Bank', 'Charlie Cloud']);
  });

  test('dragging an account with the mouse reorders it', async () => {
    const { app } = ctx;
    await row(app, 'Charlie Cloud').getByTestId('drag-handle').dragTo(row(app, 'Bravo Post'));
    await expect.poll(() => issuers(app)).toEqual(['Charlie Cloud', 'Bravo Post', 'Alpha Bank']);
    await expect.poll(() => storedIssuers()).toEqual(['Charlie Cloud', 'Bravo Post', 'Alpha Bank']);
  });

  test('typing outside a field searches; Escape clears the search', async () => {
    const { app } = ctx;
    await app.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await app.keyboard.type('cloud');
    expect(await app.getByRole('searchbox', { name: 'Search accounts' }).inputValue()).toBe('cloud');
    await expect.poll(() => issuers(app)).toEqual(['Charlie Cloud']);
    await app.keyboard.type('xyz');
    await expect.poll(() => app.locator('.no-results').textContent()).toContain('No account matches');
    await app.keyboard.press('Escape');
    await expect.poll(() => issuers(app)).toEqual(['Charlie Cloud', 'Bravo Post', 'Alpha Bank']);
  });

  test('delete asks with the account named, Cancel keeps it, Delete removes it', async () => {
    const { app } = ctx;
    await app.getByRole('button', { name: 'Delete Bravo Post (bob@example.com)' }).click();
    const dialog = app.getByRole('dialog', { name: 'Delete Bravo Post (bob@example.com)?' });
    await dialog.waitFor();
    // Cancel has the focus, so a stray Enter deletes nothing.
    await app.keyboard.press('Enter');
    await expect.poll(() => app.getByRole('dialog').count()).toBe(0);
    expect(await storedIssuers()).toContain('Bravo Post');
    await app.getByRole('button', { name: 'Delete Bravo Post (bob@example.com)' }).click();
    await app.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => issuers(app)).toEqual(['Charlie Cloud', 'Alpha Bank']);
    expect(await storedIssuers()).toEqual(['Charlie Cloud', 'Alpha Bank']);
  });

  test('a duplicate asks: keep both adds a second, replace keeps one, cancel adds nothing', async () => {
    const { app } = ctx;
    const addLink = async (uri: string) => {
      await app.getByRole('button', { name: 'Add account', exact: true }).click();
      await app.getByRole('button', { name: 'Paste a link' }).click();
      await app.getByLabel('Link (otpauth:// or otpauth-migration://)').fill(uri);
      await app.getByRole('button', { name: 'Add account' }).last().click();
      await app.getByText('You already have an account Alpha Bank (anna@example.com).').waitFor();
    };
    const alphaCount = async () => (await storedIssuers()).filter((issuer) => issuer === 'Alpha Bank').length;

    await addLink(ALPHA);
    await app.getByRole('button', { name: 'Cancel' }).click();
    await app.keyboard.press('Escape');
    expect(await alphaCount()).toBe(1);

    await addLink(testUri('Alpha Bank', 'anna@example.com', 'KRSXG5CTMVRXEZLU'));
    await app.getByRole('button', { name: 'Replace' }).click();
    await app.getByTestId('added-screen').waitFor();
    await app.getByRole('button', { name: 'Done' }).click();
    expect(await alphaCount()).toBe(1);

    await addLink(ALPHA);
    await app.getByRole('button', { name: 'Keep both' }).click();
    await app.getByTestId('added-screen').waitFor();
    await app.getByRole('button', { name: 'Done' }).click();
    expect(await alphaCount()).toBe(2);
    await expect.poll(() => row(app, 'Alpha Bank').count()).toBe(2);
  });
});
