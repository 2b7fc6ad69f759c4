/**
 * Canary secrets: one added through the app (a link pasted in the real app: main.cjs and
 * preload.cjs on the Electron stand-in, its window in Debian Chromium) and one through the CLI, on
 * the same data folder and keychain service. Afterwards each is searched for in every place a
 * secret could leak to: main's stdout and stderr, the browser console, every message main handed
 * the renderer (each invoke reply and each webContents.send, recorded by the stand-in), the
 * renderer's storage (localStorage, sessionStorage, IndexedDB, Cache Storage), the app's userData
 * folder on disk after quit (Chromium's profile lives there, as Electron's sessionData does,
 * crash reports included), the data folder, and the CLI's output. It must be found nowhere but
 * the keychain (asked with `secret-tool`, as any program of this user could) and the export the
 * test asked for.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testUri, useE2e } from './harness';
import { buildCli, tweestap, type CliResult } from '../unit/cli/run-cli';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** A fresh random Base32 secret: if it shows up anywhere, it leaked from this run. */
const canary = () => Array.from(randomBytes(32), (b) => BASE32[b % 32]).join('');
const APP_CANARY = canary();
const CLI_CANARY = canary();
const CANARIES = [APP_CANARY, CLI_CANARY];
/** Stored in localStorage on purpose: the on-disk search must find it. */
const CONTROL = `CONTROL${canary()}`;

const ctx = useE2e();
const consoleLines: string[] = [];
const cliResults: Array<{ args: string[]; result: CliResult }> = [];

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((file) => {
      try {
        return statSync(file).isFile();
      } catch {
        return false; // a lock or socket that went away
      }
    });
}

/** The files under `dir` that hold one of `texts`, as Latin-1/UTF-8 bytes or as UTF-16 (Chromium's LevelDB). */
function filesWithCanary(dir: string, texts: readonly string[] = CANARIES): string[] {
  const needles = texts.flatMap((c) => [Buffer.from(c, 'latin1'), Buffer.from(c, 'utf16le')]);
  return filesUnder(dir).filter((file) => {
    const bytes = readFileSync(file);
    return needles.some((needle) => bytes.includes(needle));
  });
}

const leaks = (text: string) => CANARIES.filter((c) => text.includes(c));

/** The CLI on the app's data folder and keychain service. */
const cliEnv = () => ({ TWEESTAP_HOME: ctx.host.home, TWEESTAP_KEYCHAIN_SERVICE: ctx.keychainService });

function cli(args: string[]): CliResult {
  const result = tweestap(args, cliEnv());
  cliResults.push({ args, result });
  return result;
}

beforeAll(() => {
  buildCli();
  ctx.app.on('console', (message) => consoleLines.push(message.text()));
  ctx.app.on('pageerror', (error) => consoleLines.push(String(error)));
});

afterAll(() => {
  // Leave nothing in the test keyring.
  for (const account of keychainAccounts()) execFileSync('secret-tool', ['clear', 'service', ctx.keychainService, 'account', account]);
});

/** The accounts of our service in the keychain, through secret-tool (libsecret-tools). */
function keychainAccounts(): string[] {
  // secret-tool prints the attributes on stderr and the rest on stdout.
  const { stdout, stderr } = spawnSync('secret-tool', ['search', '--all', 'service', ctx.keychainService], { encoding: 'utf8' });
  return [...`${stdout}\n${stderr}`.matchAll(/^attribute\.account = (.+)$/gm)].map((m) => m[1]!);
}

/** Everything the renderer's origin keeps: local and session storage, IndexedDB, Cache Storage. */
async function rendererStorage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const dump: Record<string, unknown> = {
      localStorage: Object.fromEntries(Object.entries(localStorage)),
      sessionStorage: Object.fromEntries(Object.entries(sessionStorage)),
    };
    const databases: Record<string, unknown> = {};
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name!);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        databases[`${info.name}/${store}`] = await new Promise((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      }
      db.close();
    }
    dump.indexedDB = databases;
    const caches: Record<string, string[]> = {};
    for (const name of await globalThis.caches.keys()) {
      const cache = await globalThis.caches.open(name);
      caches[name] = await Promise.all((await cache.keys()).map(async (request) => `${request.url} ${await (await cache.match(request))!.text()}`));
    }
    dump.caches = caches;
    return JSON.stringify(dump);
  });
}

describe('a canary secret is found nowhere but the keychain and the export asked for', () => {
  it('adds one canary by pasting a link in the app and one with the CLI', async () => {
    const app = ctx.app;
    await app.getByRole('button', { name: 'Add account', exact: true }).first().click();
    await app.getByRole('button', { name: 'Paste a link' }).click();
    await app.getByLabel('Link (otpauth:// or otpauth-migration://)').fill(testUri('Canary App', 'app@example.nl', APP_CANARY));
    await app.getByRole('button', { name: 'Add account' }).last().click();
    await app.getByTestId('added-screen').waitFor();
    await app.getByRole('button', { name: 'Done' }).click();

    expect(cli(['add', testUri('Canary Cli', 'cli@example.nl', CLI_CANARY)]).status).toBe(0);
    // The app picks up the CLI's account (vault watching) and shows codes for both.
    await expect.poll(() => app.locator('.account-row').count(), { timeout: 10_000 }).toBe(2);
    await expect.poll(() => app.locator('.account-row [data-testid="code"]').count()).toBe(2);
    await app.locator('.account-row').first().getByTestId('code').click(); // copy, through main

    // Everyday CLI use, and a bad link with a canary in it: errors must not echo it.
    for (const args of [['list'], ['list', '--json'], ['code'], ['code', '--json'], ['code', 'Canary', '--json']]) cli(args);
    expect(cli(['add', `otpauth://totp/Bad:x?secret=${APP_CANARY}&digits=99`]).status).toBe(2);
    // The same through the window's bridge, as a page script could: the refusal must not echo it.
    const bad = await app.evaluate(
      (link) => (window as unknown as { tweestap: { addFromUri(uri: string, mode: string): Promise<unknown> } }).tweestap.addFromUri(link, 'ask'),
      `otpauth://totp/Bad:x?secret=${APP_CANARY}&period=-1`,
    );
    const badBody = JSON.stringify(bad);
    expect(leaks(badBody)).toEqual([]);
  });

  it('is in the keychain, where any program of this user can ask for it (secret-tool)', () => {
    const secrets = keychainAccounts().map((account) => execFileSync('secret-tool', ['lookup', 'service', ctx.keychainService, 'account', account], { encoding: 'utf8' }));
    expect(secrets).toEqual(expect.arrayContaining(CANARIES));
  });

  it('is in the export the test asked for, and in no other CLI output', () => {
    const exported = tweestap(['export', '--uris'], cliEnv());
    expect(exported.status).toBe(0);
    expect(leaks(exported.stdout).sort()).toEqual([...CANARIES].sort());
    for (const { args, result } of cliResults) {
      expect(leaks(result.stdout), `stdout of ${args[0]}`).toEqual([]);
      expect(leaks(result.stderr), `stderr of ${args[0]}`).toEqual([]);
    }
  });

  it('never reaches the renderer: no message main handed it holds it', async () => {
    const app = ctx.app;
    await app.reload();
    await app.locator('.account-row').first().waitFor();
    await expect.poll(async () => (await ctx.host.shell.delivered()).filter((message) => message.channel === 'tweestap:codes').length).toBeGreaterThan(0);
    const delivered = await ctx.host.shell.delivered();
    expect(delivered.map((message) => message.channel)).toEqual(expect.arrayContaining(['tweestap:listAccounts', 'tweestap:codes', 'tweestap:addFromUri', 'tweestap:copyCode']));
    // What the window should see is there (the search reads the real messages), the secrets are not.
    expect(delivered.some((message) => message.channel === 'tweestap:listAccounts' && message.json.includes('Canary Cli'))).toBe(true);
    for (const { channel, json } of delivered) expect(leaks(json), channel).toEqual([]);
    expect(leaks(await app.content())).toEqual([]);
  });

  it('is not in the renderer storage, the console or main\'s output', async () => {
    const app = ctx.app;
    // A control value, so that the search is shown to find what the renderer does store.
    await app.evaluate((control) => localStorage.setItem('tweestap-test-control', control), CONTROL);
    const storage = await rendererStorage(app);
    expect(storage).toContain(CONTROL);
    expect(leaks(storage)).toEqual([]);
    expect(leaks(consoleLines.join('\n'))).toEqual([]);
    expect(leaks(ctx.host.shell.output())).toEqual([]);
  });

  it('is in no file of the data folder or of userData with Chromium\'s profile (crash reports included), after quit', async () => {
    expect(filesWithCanary(ctx.host.home)).toEqual([]);
    const delivered = (await ctx.host.shell.delivered()).length;
    // The user quits: Chromium flushes what it keeps to disk.
    await ctx.host.shell.quit();
    expect(await ctx.host.shell.exited).toBe(0);
    const files = filesUnder(ctx.host.configHome);
    expect(files.length).toBeGreaterThan(10);
    expect(filesWithCanary(ctx.host.configHome, [CONTROL])).not.toEqual([]);
    expect(filesWithCanary(ctx.host.configHome)).toEqual([]);
    console.log(`canary: searched ${files.length} userData files, ${filesUnder(ctx.host.home).length} data files, ${delivered} messages from main, ${consoleLines.length} console lines, ${cliResults.length} CLI runs`);
  });
});
