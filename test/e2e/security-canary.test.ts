/**
 * Canary secrets: one added through the app (a link pasted in the preview host's UI, in Debian
 * Chromium) and one through the CLI, on the same data folder and keychain service. Afterwards
 * each is searched for in every place a secret could leak to: the preview host's stdout and
 * stderr, the browser console, every API response the renderer received, the renderer's storage
 * (localStorage, sessionStorage, IndexedDB, Cache Storage), the Chromium profile folder on disk
 * (including its crash reports), the data folder, and the CLI's output. It must be found nowhere
 * but the keychain (asked with `secret-tool`, as any program of this user could) and the export
 * the test asked for.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, startPreviewHost, testUri, type PreviewHost } from './harness';
import { buildCli, tweestap, type CliResult } from '../unit/cli/run-cli';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** A fresh random Base32 secret: if it shows up anywhere, it leaked from this run. */
const canary = () => Array.from(randomBytes(32), (b) => BASE32[b % 32]).join('');
const APP_CANARY = canary();
const CLI_CANARY = canary();
const CANARIES = [APP_CANARY, CLI_CANARY];
/** Stored in localStorage on purpose: the on-disk search must find it. */
const CONTROL = `CONTROL${canary()}`;

let host: PreviewHost;
let service: string;
let profile: string;
let browser: BrowserContext;
let app: Page;
let hostOutput = '';
const consoleLines: string[] = [];
const responseBodies: Array<{ url: string; body: string }> = [];
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

function cli(args: string[]): CliResult {
  const result = tweestap(args, { TWEESTAP_HOME: host.home, TWEESTAP_KEYCHAIN_SERVICE: service });
  cliResults.push({ args, result });
  return result;
}

beforeAll(async () => {
  buildCli();
  service = `tweestap-canary-${randomBytes(4).toString('hex')}`;
  host = await startPreviewHost({ TWEESTAP_KEYCHAIN_SERVICE: service });
  host.process.stdout!.setEncoding('utf8').on('data', (chunk: string) => (hostOutput += chunk));
  host.process.stderr!.setEncoding('utf8').on('data', (chunk: string) => (hostOutput += chunk));
  profile = mkdtempSync(join(tmpdir(), 'tweestap-canary-chromium-'));
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: !process.env.HEADED,
    locale: 'en-GB',
    viewport: { width: 900, height: 800 },
  });
  app = browser.pages()[0] ?? (await browser.newPage());
  app.on('console', (message) => consoleLines.push(message.text()));
  app.on('pageerror', (error) => consoleLines.push(String(error)));
  app.on('response', (response) => {
    // The event stream never ends; it carries only `accounts-changed` and settings events.
    if ((response.headers()['content-type'] ?? '').includes('text/event-stream')) return;
    void response.text().then(
      (body) => responseBodies.push({ url: response.url(), body }),
      () => undefined,
    );
  });
  await app.goto(host.url);
  await app.locator('.app-header, .keychain-problem').first().waitFor();
}, 90_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await host?.stop();
  if (profile) rmSync(profile, { recursive: true, force: true });
  // Leave nothing in the test keyring.
  for (const account of keychainAccounts()) execFileSync('secret-tool', ['clear', 'service', service, 'account', account]);
});

/** The accounts of our service in the keychain, through secret-tool (libsecret-tools). */
function keychainAccounts(): string[] {
  // secret-tool prints the attributes on stderr and the rest on stdout.
  const { stdout, stderr } = spawnSync('secret-tool', ['search', '--all', 'service', service], { encoding: 'utf8' });
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
    const url = new URL(host.url);
    const bad = await fetch(`${url.origin}/api/addFromUri`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${new URLSearchParams(url.hash.slice(1)).get('token')}` },
      body: JSON.stringify({ args: [`otpauth://totp/Bad:x?secret=${APP_CANARY}&period=-1`, 'ask'] }),
    });
    const badBody = await bad.text();
    expect(badBody).toContain('"ok":false');
    expect(leaks(badBody)).toEqual([]);
  });

  it('is in the keychain, where any program of this user can ask for it (secret-tool)', () => {
    const secrets = keychainAccounts().map((account) => execFileSync('secret-tool', ['lookup', 'service', service, 'account', account], { encoding: 'utf8' }));
    expect(secrets).toEqual(expect.arrayContaining(CANARIES));
  });

  it('is in the export the test asked for, and in no other CLI output', () => {
    const exported = tweestap(['export', '--uris'], { TWEESTAP_HOME: host.home, TWEESTAP_KEYCHAIN_SERVICE: service });
    expect(exported.status).toBe(0);
    expect(leaks(exported.stdout).sort()).toEqual([...CANARIES].sort());
    for (const { args, result } of cliResults) {
      expect(leaks(result.stdout), `stdout of ${args[0]}`).toEqual([]);
      expect(leaks(result.stderr), `stderr of ${args[0]}`).toEqual([]);
    }
  });

  it('never reaches the renderer: no API response holds it', async () => {
    await app.reload();
    await app.locator('.account-row').first().waitFor();
    await expect.poll(() => responseBodies.filter((r) => r.url.includes('/api/codes')).length).toBeGreaterThan(0);
    const apiResponses = responseBodies.filter((r) => r.url.includes('/api/'));
    expect(apiResponses.map((r) => new URL(r.url).pathname)).toEqual(expect.arrayContaining(['/api/listAccounts', '/api/codes', '/api/addFromUri']));
    for (const { url, body } of responseBodies) expect(leaks(body), url).toEqual([]);
    expect(leaks(await app.content())).toEqual([]);
  });

  it('is not in the renderer storage, the console or the host logs', async () => {
    // A control value, so that the search is shown to find what the renderer does store.
    await app.evaluate((control) => localStorage.setItem('tweestap-test-control', control), CONTROL);
    const storage = await rendererStorage(app);
    expect(storage).toContain(CONTROL);
    expect(leaks(storage)).toEqual([]);
    expect(leaks(consoleLines.join('\n'))).toEqual([]);
    expect(leaks(hostOutput)).toEqual([]);
  });

  it('is in no file of the data folder or of the Chromium profile (crash reports included)', async () => {
    expect(filesWithCanary(host.home)).toEqual([]);
    // Closed first, so everything Chromium keeps is flushed to disk.
    await browser.close();
    const files = filesUnder(profile);
    expect(files.length).toBeGreaterThan(10);
    expect(filesWithCanary(profile, [CONTROL])).not.toEqual([]);
    expect(filesWithCanary(profile)).toEqual([]);
    console.log(`canary: searched ${files.length} profile files, ${filesUnder(host.home).length} data files, ${responseBodies.length} responses, ${consoleLines.length} console lines, ${cliResults.length} CLI runs`);
  });
});
