/**
 * Every screen in both themes passes an axe-core audit with no violations; the language and theme
 * switch from Settings; an account whose secret left the keychain is shown as such and can be
 * re-added; a keychain that cannot be reached gets its own first screen.
 */
import keytar from 'keytar';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { axeViolations, callApi, restartMain, startMain, testUri, useE2e, type MainHost } from './harness';

const ctx = useE2e();
const GONE = testUri('Gone Service', 'lost@example.com', 'ONSWG4TFOQYTEMZU');

async function expectNoViolations(page: Page, screen: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `axe on ${screen}`).toEqual([]);
}

async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await callApi(ctx.host, 'updateSettings', { theme });
  await page.reload();
  await page.locator('.app-header').waitFor();
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
}

/** Opens each screen in turn, auditing it, and closes it again. */
async function auditEveryScreen(page: Page, theme: string): Promise<void> {
  const audit = (screen: string) => expectNoViolations(page, `${screen} (${theme})`);
  await audit('account list');

  await page.getByRole('button', { name: 'Add account', exact: true }).click();
  // Dialogs load when first opened: audit each once it is shown.
  await page.getByRole('dialog').waitFor();
  await audit('add account');
  await page.getByRole('button', { name: 'Paste a link' }).click();
  await page.getByRole('button', { name: 'Add account' }).last().click();
  await page.getByText('Paste a link first.').waitFor();
  await audit('paste a link with an error');
  await page.getByRole('button', { name: 'Other ways to add' }).click();
  await page.getByRole('button', { name: 'Enter a key manually' }).click();
  await page.locator('summary', { hasText: 'Advanced' }).click();
  await page.getByRole('button', { name: 'Add account' }).last().click();
  await audit('manual entry with errors');
  await page.getByRole('button', { name: 'Other ways to add' }).click();
  await page.getByRole('button', { name: 'Paste a link' }).click();
  await page.getByLabel('Link (otpauth:// or otpauth-migration://)').fill(ctx.portal.state().uri);
  await page.getByRole('button', { name: 'Add account' }).last().click();
  await page.getByText('You already have an account').waitFor();
  await audit('duplicate question');
  await page.getByRole('button', { name: 'Replace' }).click();
  await page.getByTestId('added-screen').getByTestId('code').waitFor();
  await audit('account added');
  await page.getByRole('button', { name: 'Done' }).click();

  await page.getByRole('button', { name: /^Rename Nse-Portal/ }).click();
  await page.getByRole('dialog').waitFor();
  await audit('rename');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /^Delete Nse-Portal/ }).click();
  await page.getByRole('dialog').waitFor();
  await audit('delete confirmation');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('dialog').waitFor();
  await audit('settings');
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
}

describe('screens', () => {
  let brokenHost: MainHost | undefined;
  afterAll(async () => brokenHost?.stop());

  test('the first-time walkthrough passes axe in both themes', async () => {
    await setTheme(ctx.app, 'light');
    await expectNoViolations(ctx.app, 'empty state (light)');
    await setTheme(ctx.app, 'dark');
    await expectNoViolations(ctx.app, 'empty state (dark)');
  });

  test('an account whose secret is missing is shown as such and can be added again', async () => {
    await callApi(ctx.host, 'addFromUri', ctx.portal.state().uri, 'ask');
    const [portal, gone] = [...(await callApi(ctx.host, 'addFromUri', GONE, 'ask').then(() => callApi(ctx.host, 'listAccounts')))];
    expect(portal?.issuer).toBe('Nse-Portal');
    await keytar.deletePassword(ctx.keychainService, gone!.id);
    // Main started again reads the keychain afresh, as the app does at start.
    await restartMain(ctx);
    const { app } = ctx;
    const row = app.locator('.account-row', { hasText: 'Gone Service' });
    await row.getByText('The secret of this account is missing from the keychain.').waitFor();
    await row.getByRole('button', { name: 'Add again' }).click();
    expect(await app.getByLabel('Service (issuer)').inputValue()).toBe('Gone Service');
    expect(await app.getByLabel('Account', { exact: true }).inputValue()).toBe('lost@example.com');
    await app.keyboard.press('Escape');
  });

  test('every screen passes axe in the light theme', async () => {
    await setTheme(ctx.app, 'light');
    await auditEveryScreen(ctx.app, 'light');
  });

  test('every screen passes axe in the dark theme', async () => {
    await setTheme(ctx.app, 'dark');
    await auditEveryScreen(ctx.app, 'dark');
  });

  test('the tester clock banner passes axe in both themes', async () => {
    await callApi(ctx.host, 'updateSettings', { clockOffsetSeconds: -30 });
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(ctx.app, theme);
      await ctx.app.getByTestId('offset-banner').waitFor();
      await expectNoViolations(ctx.app, `clock banner (${theme})`);
    }
    await callApi(ctx.host, 'updateSettings', { clockOffsetSeconds: 0 });
  });

  test('language and theme switch from Settings, and the choice is kept', async () => {
    const { app } = ctx;
    await setTheme(app, 'light');
    await app.getByRole('button', { name: 'Settings' }).click();
    await app.getByLabel('Language').selectOption('nl');
    await app.getByRole('dialog', { name: 'Instellingen' }).waitFor();
    expect(await app.evaluate(() => document.documentElement.lang)).toBe('nl');
    await app.getByLabel('Weergave').selectOption('dark');
    await expect.poll(() => app.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await app.getByRole('button', { name: 'Sluiten' }).click();
    expect(await app.getByRole('button', { name: 'Account toevoegen' }).count()).toBe(1);
    await expectNoViolations(app, 'account list (Dutch, dark)');
    await app.reload();
    await app.getByRole('button', { name: 'Instellingen' }).waitFor();
    expect(await app.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    // "Like the system" follows the OS colour scheme.
    await app.getByRole('button', { name: 'Instellingen' }).click();
    await app.getByLabel('Weergave').selectOption('system');
    await app.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => app.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await app.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => app.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await app.getByLabel('Taal').selectOption('en');
    await app.getByRole('dialog', { name: 'Settings' }).waitFor();
    expect((await callApi(ctx.host, 'getSettings')).language).toBe('en');
  });

  test('the global shortcuts are chosen in Settings, off by default, and kept', async () => {
    const { app } = ctx;
    expect(await callApi(ctx.host, 'getSettings')).toMatchObject({ globalShortcut: null, scanShortcut: null });
    // The test before leaves Settings open; open it only when it is not.
    if (!(await app.getByRole('dialog', { name: 'Settings' }).isVisible())) await app.getByRole('button', { name: 'Settings' }).click();
    const scan = app.getByLabel('Keyboard shortcut to scan the screen for a QR code (anywhere)');
    expect(await scan.inputValue()).toBe('off');
    await scan.selectOption({ label: 'Ctrl+Alt+Q' });
    await expect.poll(async () => (await callApi(ctx.host, 'getSettings')).scanShortcut).toBe('CommandOrControl+Alt+Q');
    await app.getByLabel('Keyboard shortcut to show Tweestap (anywhere)').selectOption({ label: 'Ctrl+Alt+T' });
    await expect.poll(async () => (await callApi(ctx.host, 'getSettings')).globalShortcut).toBe('CommandOrControl+Alt+T');
    await scan.selectOption('off');
    await expect.poll(async () => (await callApi(ctx.host, 'getSettings')).scanShortcut).toBeNull();
    await app.getByRole('button', { name: 'Close' }).click();
  });

  test('a keychain that cannot be reached gets a first screen saying what to do, passing axe', async () => {
    // A second main of its own (own data and config folder) whose keychain worker cannot reach the session bus.
    brokenHost = await startMain({ keychainService: ctx.keychainService, env: { LANG: 'en_GB.UTF-8', LC_ALL: 'en_GB.UTF-8', DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' } });
    const page = brokenHost.page;
    await page.getByRole('heading', { name: 'Tweestap cannot use the keychain' }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('alert').textContent()).not.toBe('');
    await expectNoViolations(page, 'keychain problem');
  });
});
