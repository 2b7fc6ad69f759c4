/**
 * Backup, restore and import in the app, through the real main with the real keychain: the reminder
 * appears after adding and goes after a backup; the saved backup (written by main where its save
 * dialog was answered, never handed to the window) is a Tweestap backup without
 * the secrets; a wrong password restores nothing, the right one brings the accounts back with the
 * right codes (checked with oathtool); an Aegis export generated from its published format is
 * imported with its skipped entry named; "Not now" keeps the reminder away; the About screen shows
 * the version from package.json; axe finds nothing in the new dialogs in either theme.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import type { AccountView } from '../../shared/api';
import { aegisDb, aegisEntry, aegisPlainVault, FIXTURE_ACCOUNTS } from '../fixtures/import/generate';
import { pendingDialog } from '../shell/launch';
import { axeViolations, callApi, testUri, useE2e } from './harness';

/** Where the test, as the user in main's save dialog, saves backups. */
const SAVE_DIR = mkdtempSync(join(tmpdir(), 'tweestap-e2e-saved-'));
const ctx = useE2e();
afterAll(() => rmSync(SAVE_DIR, { recursive: true, force: true }));
const ROOT = resolve(import.meta.dirname, '../..');
const PASSWORD = 'paard batterij nietje';
const ACCOUNTS = [
  { issuer: 'Backup Bank', account: 'anna@example.nl', secret: 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU' },
  { issuer: 'Nse-Portal', account: 'piet@example.nl', secret: 'MZXW6YTBOI2TKNJVGU2DKNJVGVQWEY3E' },
];
let backupFile: Buffer;

async function expectNoViolations(page: Page, screen: string): Promise<void> {
  expect(await axeViolations(page), `axe on ${screen}`).toEqual([]);
}

async function openFromSettings(page: Page, button: string, settings = 'Settings'): Promise<void> {
  await page.getByRole('button', { name: settings }).click();
  await page.getByRole('button', { name: button }).click();
}

/** A reload is a fresh app start for the renderer (the harness's openApp only changes the fragment once loaded). */
async function restartApp(page: Page): Promise<void> {
  await page.reload();
  await page.locator('.app-header').waitFor();
}

async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement);
}

async function listAccounts(): Promise<AccountView[]> {
  return callApi(ctx.host, 'listAccounts');
}

/** The TOTP code of `secret` at `atMs`, from oathtool (an implementation we did not write). */
function oathtoolCode(secret: string, atMs: number): string {
  return execFileSync('oathtool', ['--totp', '-b', secret, '-N', `@${Math.floor(atMs / 1000)}`], { encoding: 'utf8' }).trim();
}

async function chooseFile(page: Page, name: string, content: string | Buffer, label = 'File to restore or import'): Promise<void> {
  await page.getByLabel(label).setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(content) });
}

describe('backup and restore in the app', () => {
  test('the reminder shows after adding; the saved backup holds no secret; the reminder then goes', async () => {
    const page = ctx.app;
    for (const { issuer, account, secret } of ACCOUNTS) await callApi(ctx.host, 'addFromUri', testUri(issuer, account, secret), 'ask');
    await restartApp(ctx.app);
    const reminder = page.getByTestId('backup-reminder');
    await reminder.waitFor();
    await expectNoViolations(page, 'list with the backup reminder (light)');

    await reminder.getByRole('button', { name: 'Back up now' }).click();
    const dialog = page.getByRole('dialog', { name: 'Back up your accounts' });
    expect(await isFocused(dialog.getByLabel('Password for the backup'))).toBe(true);
    await dialog.getByRole('button', { name: 'Make backup' }).click();
    await dialog.getByText('Use at least 8 characters.').waitFor();
    await dialog.getByLabel('Password for the backup').fill(PASSWORD);
    await dialog.getByLabel('Type the password again').fill(`${PASSWORD}!`);
    await dialog.getByRole('button', { name: 'Make backup' }).click();
    await dialog.getByText('The two passwords are not the same.').waitFor();
    await expectNoViolations(page, 'backup form with errors (light)');

    await dialog.getByLabel('Type the password again').fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Make backup' }).click();
    // Main's save dialog: the suggested name, saved into SAVE_DIR as the user would choose.
    const save = await pendingDialog(ctx.host.shell, 'save');
    const suggested = basename((save.options as { defaultPath: string }).defaultPath);
    expect(suggested).toMatch(/^tweestap-backup-\d{4}-\d{2}-\d{2}\.tweestap$/);
    await ctx.host.shell.answerDialog(save.id, { canceled: false, filePath: join(SAVE_DIR, suggested) });
    await dialog.getByRole('status').filter({ hasText: /Your backup is saved as tweestap-backup-\d{4}-\d{2}-\d{2}\.tweestap\./ }).waitFor();
    const [saved] = readdirSync(SAVE_DIR);
    expect(saved).toMatch(/^tweestap-backup-\d{4}-\d{2}-\d{2}\.tweestap$/);
    expect(statSync(join(SAVE_DIR, saved!)).mode & 0o777).toBe(0o600);
    backupFile = readFileSync(join(SAVE_DIR, saved!));
    const text = backupFile.toString('latin1');
    expect(text.startsWith('{"format":"tweestap-backup",')).toBe(true);
    for (const { secret } of ACCOUNTS) expect(text).not.toContain(secret);
    await expectNoViolations(page, 'backup made (light)');

    await dialog.getByRole('button', { name: 'Close' }).click();
    await reminder.waitFor({ state: 'detached' });
    await restartApp(ctx.app);
    await page.locator('.account-row').first().waitFor();
    expect(await page.getByTestId('backup-reminder').count()).toBe(0);
  });

  test('a wrong password restores nothing; the right one brings the accounts back with the right codes', async () => {
    const page = ctx.app;
    for (const account of await listAccounts()) await callApi(ctx.host, 'removeAccount', account.id);
    await restartApp(ctx.app);

    await openFromSettings(page, 'Restore or import…');
    const dialog = page.getByRole('dialog', { name: 'Restore or import' });
    await expectNoViolations(page, 'restore: choose a file (light)');
    await chooseFile(page, 'my.tweestap', backupFile);
    const password = dialog.getByLabel('Password of my.tweestap');
    expect(await isFocused(password)).toBe(true);
    await password.fill('not the password');
    await dialog.getByRole('button', { name: 'Import' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Wrong password, or the backup file was changed. Nothing was restored.' }).waitFor();
    await expectNoViolations(page, 'restore: wrong password (light)');
    expect(await listAccounts()).toEqual([]);

    await password.fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Import' }).click();
    await dialog.getByText('Accounts added from my.tweestap: 2.').waitFor();
    const restored = await listAccounts();
    expect(restored.map(({ issuer, account }) => ({ issuer, account }))).toEqual(ACCOUNTS.map(({ issuer, account }) => ({ issuer, account })));
    const at = Date.now();
    const codes = await callApi(ctx.host, 'codes', at);
    for (const [index, { secret }] of ACCOUNTS.entries()) {
      const view = codes.find((code) => code.accountId === restored[index]!.id)!;
      expect(view.code).toBe(oathtoolCode(secret, at));
    }
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.locator('.account-row').nth(1).waitFor();

    // The same backup again: every account is a duplicate, so the dialog asks first.
    await openFromSettings(page, 'Restore or import…');
    await chooseFile(page, 'my.tweestap', backupFile);
    await dialog.getByLabel('Password of my.tweestap').fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Import' }).click();
    await dialog.getByText('The file holds accounts you already have, such as Backup Bank (anna@example.nl).').waitFor();
    await expectNoViolations(page, 'restore: duplicates (light)');
    await dialog.getByRole('button', { name: 'Replace them' }).click();
    await dialog.getByText('Accounts added from my.tweestap: 2.').waitFor();
    expect((await listAccounts()).map((account) => account.id)).toEqual(restored.map((account) => account.id));
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  test('imports an Aegis export, naming the entry it skipped', async () => {
    const page = ctx.app;
    const steam = { ...aegisEntry(FIXTURE_ACCOUNTS[0]!), type: 'steam', issuer: 'Steam', name: 'gamer' };
    const vault = aegisPlainVault(aegisDb([...FIXTURE_ACCOUNTS.map(aegisEntry), steam]));
    await openFromSettings(page, 'Restore or import…');
    const dialog = page.getByRole('dialog', { name: 'Restore or import' });
    await chooseFile(page, 'aegis-export.json', vault);
    await dialog.getByText(`Accounts added from aegis-export.json: ${FIXTURE_ACCOUNTS.length}.`).waitFor();
    await dialog.getByText('Entry 5 (Steam (gamer)): This is a Steam Guard entry; Steam codes are not supported.').waitFor();
    await expectNoViolations(page, 'import summary with a skipped entry (light)');
    const labels = (await listAccounts()).map(({ issuer, account }) => `${issuer}|${account}`);
    for (const { issuer, account } of FIXTURE_ACCOUNTS) expect(labels).toContain(`${issuer}|${account}`);
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  test('"Not now" keeps the reminder away after a restart too', async () => {
    const page = ctx.app;
    await restartApp(ctx.app);
    // The Aegis import added accounts that are in no backup.
    const reminder = page.getByTestId('backup-reminder');
    await reminder.getByRole('button', { name: 'Not now' }).click();
    await reminder.waitFor({ state: 'detached' });
    await restartApp(ctx.app);
    await page.locator('.account-row').first().waitFor();
    expect(await page.getByTestId('backup-reminder').count()).toBe(0);
    expect(await callApi(ctx.host, 'backupStatus')).toMatchObject({ reminder: false });
  });

  test('About shows the version from package.json and the data folder', async () => {
    const page = ctx.app;
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    await openFromSettings(page, 'About Tweestap');
    const dialog = page.getByRole('dialog', { name: 'About Tweestap' });
    expect(await dialog.getByTestId('about-version').textContent()).toBe(`Version ${version}`);
    expect(await dialog.locator('code').textContent()).toBe(ctx.host.home);
    await expectNoViolations(page, 'About (light)');
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  test('the new dialogs and the reminder pass axe in the dark theme, and in Dutch', async () => {
    const page = ctx.app;
    await callApi(ctx.host, 'updateSettings', { theme: 'dark', language: 'nl' });
    await callApi(ctx.host, 'addFromUri', testUri('Nieuw', 'nieuw@example.nl', 'ONSWG4TFOQYTEMZUONSWG4TFOQYTEMZU'), 'ask');
    await restartApp(ctx.app);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await expectNoViolations(page, 'list (dark, nl)');

    await openFromSettings(page, 'Back-up maken…', 'Instellingen');
    await page.getByRole('dialog', { name: 'Back-up van je accounts maken' }).getByRole('button', { name: 'Back-up maken' }).click();
    await page.getByText('Gebruik minstens 8 tekens.').waitFor();
    await expectNoViolations(page, 'backup form (dark, nl)');
    await page.keyboard.press('Escape');

    await openFromSettings(page, 'Herstellen of importeren…', 'Instellingen');
    await chooseFile(page, 'kopie.tweestap', backupFile, 'Bestand om te herstellen of te importeren');
    await page.getByLabel('Wachtwoord van kopie.tweestap').waitFor();
    await expectNoViolations(page, 'restore password (dark, nl)');
    await page.keyboard.press('Escape');

    await openFromSettings(page, 'Over Tweestap', 'Instellingen');
    await expectNoViolations(page, 'About (dark, nl)');
    await page.keyboard.press('Escape');
    await callApi(ctx.host, 'updateSettings', { theme: 'system', language: 'system' });
  });
});
