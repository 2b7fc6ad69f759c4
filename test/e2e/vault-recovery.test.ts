/**
 * A damaged vault.json, recovered from the app's first screen: the message and where the file is,
 * "Move the damaged file aside and continue" by keyboard, then the list with the accounts of
 * vault.json.bak (their secrets were in the keychain all along) and the damaged file kept byte for
 * byte. Without a previous copy the list starts empty (in Dutch here); a vault of a newer version
 * gets only the advice to update. axe-clean in both themes.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import keytar from 'keytar';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { axeViolations, callApi, startMain, useE2e, type MainHost } from './harness';

const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const DAMAGED = '{"format": "tweestap-vault", "version": 1, "accounts": [ {"id": "portal01", "type": "to';
const PREVIOUS_COPY = `${JSON.stringify(
  {
    format: 'tweestap-vault',
    version: 1,
    accounts: [{ id: 'portal01', type: 'totp', issuer: 'Nse-Portal', account: 'jan@nse.nl', algorithm: 'SHA1', digits: 6, period: 20, counter: 0, addedAt: '2026-01-05T09:00:00.000Z' }],
  },
  null,
  2,
)}\n`;

const ctx = useE2e({
  seedHome: (home) => {
    writeFileSync(join(home, 'vault.json'), DAMAGED);
    writeFileSync(join(home, 'vault.json.bak'), PREVIOUS_COPY);
  },
});

/** Extra mains of a test, stopped after it. */
const others: MainHost[] = [];
afterEach(async () => {
  for (const host of others.splice(0)) await host.stop();
});

async function expectAxeClean(page: Page, screen: string): Promise<void> {
  expect(await axeViolations(page), `axe on ${screen}`).toEqual([]);
}

/** Sets the theme through the API (settings load even with a damaged vault) and reloads the page. */
async function showInTheme(page: Page, host: MainHost, theme: 'light' | 'dark'): Promise<void> {
  await callApi(host, 'updateSettings', { theme });
  await page.reload();
  await page.locator('.keychain-problem').waitFor();
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
}

/** Another main whose data folder holds only `vault.json` with `text`, and its window. */
async function openWithVault(text: string, language: 'en' | 'nl'): Promise<{ host: MainHost; page: Page }> {
  const host = await startMain({ keychainService: ctx.keychainService, env: { LANG: 'en_GB.UTF-8', LC_ALL: 'en_GB.UTF-8' }, seedHome: (home) => writeFileSync(join(home, 'vault.json'), text) });
  others.push(host);
  await callApi(host, 'updateSettings', { language });
  const page = host.page;
  await page.reload();
  await page.locator('.keychain-problem').waitFor();
  return { host, page };
}

describe('a damaged account list', () => {
  test('the first screen explains it, and the button restores the previous copy with its accounts', async () => {
    const { app, host } = ctx;
    await keytar.setPassword(ctx.keychainService, 'portal01', SECRET);
    const file = join(host.home, 'vault.json');

    await app.getByRole('heading', { name: 'Tweestap cannot open your account list' }).waitFor();
    expect(await app.getByRole('alert').textContent()).toContain(`The account list ${file} is damaged`);
    await app.getByText(`The account list (vault.json) is in ${host.home}.`).waitFor();
    const button = app.getByRole('button', { name: 'Move the damaged file aside and continue' });
    expect(await button.getAttribute('aria-describedby')).toBe('vault-recover-what');
    expect(await app.locator('#vault-recover-what').textContent()).toContain('vault.json.corrupt-');
    await app.getByText('Your secret keys stay in the keychain either way.', { exact: false }).waitFor();
    for (const theme of ['light', 'dark'] as const) {
      await showInTheme(app, host, theme);
      await expectAxeClean(app, `damaged vault first screen (${theme})`);
    }
    // Nothing was moved by showing the screen.
    expect(readFileSync(file, 'utf8')).toBe(DAMAGED);

    // By keyboard: the button is the first thing Tab reaches.
    await app.keyboard.press('Tab');
    expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);
    await app.keyboard.press('Enter');

    const row = app.locator('.account-row', { hasText: 'Nse-Portal' });
    await row.getByTestId('code').waitFor();
    expect(await row.getByTestId('code').textContent()).toMatch(/^\d{3}\s?\d{3}$/);
    expect(await row.getByText('The secret of this account is missing from the keychain.').count()).toBe(0);
    const kept = readdirSync(host.home).filter((name) => name.startsWith('vault.json.corrupt-'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(host.home, kept[0]!), 'utf8')).toBe(DAMAGED);
    expect(readFileSync(file, 'utf8')).toBe(PREVIOUS_COPY);
    for (const theme of ['light', 'dark'] as const) {
      await callApi(host, 'updateSettings', { theme });
      await app.reload();
      await row.getByTestId('code').waitFor();
      await expectAxeClean(app, `account list after recovery (${theme})`);
    }
  });

  test('without a previous copy the list starts empty (Dutch)', async () => {
    const { host, page } = await openWithVault('', 'nl');
    await page.getByRole('heading', { name: 'Tweestap kan je accountlijst niet openen' }).waitFor();
    await expectAxeClean(page, 'damaged vault first screen (Dutch)');
    await page.getByRole('button', { name: 'Zet het beschadigde bestand opzij en ga verder' }).click();
    await page.locator('.app-header').waitFor();
    expect((await callApi(host, 'listAccounts')).length).toBe(0);
    expect(existsSync(join(host.home, 'vault.json'))).toBe(false);
    expect(readdirSync(host.home).filter((name) => name.startsWith('vault.json.corrupt-'))).toHaveLength(1);
    await expectAxeClean(page, 'empty list after recovery (Dutch)');
  });

  test('a vault of a newer version gets only the advice to update, and is never moved', async () => {
    const newer = JSON.stringify({ format: 'tweestap-vault', version: 3, accounts: [] });
    const { host, page } = await openWithVault(newer, 'en');
    expect(await page.getByRole('alert').textContent()).toContain('was written by a newer Tweestap (format version 3)');
    await page.getByText('Install the latest version of Tweestap', { exact: false }).waitFor();
    expect(await page.getByRole('button').count()).toBe(0);
    await expectAxeClean(page, 'newer vault first screen');
    expect(readFileSync(join(host.home, 'vault.json'), 'utf8')).toBe(newer);
    expect(readdirSync(host.home).filter((name) => name.includes('.corrupt-'))).toEqual([]);
  });
});
