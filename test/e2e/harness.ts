/**
 * The browser test harness: per test file a fresh TWEESTAP_HOME, keychain service name and
 * Chromium profile; the preview host (`dist/preview/server.mjs`, built by `npm run test:e2e`) as a
 * child process; the practice portal in-process; a screenshot in `test-results/` for every
 * failing test. Debian's Chromium through playwright-core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { ApiMethod, ApiResult, TweestapApi } from '../../shared/api';
import { startPracticePortal, type PracticePortal } from '../fixtures/practice-portal/portal';
import { CHROMIUM_ARGS } from '../fixtures/chromium-args';

const ROOT = resolve(import.meta.dirname, '../..');
export { CHROMIUM_ARGS };

export interface PreviewHost {
  url: string;
  home: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts `node dist/preview/server.mjs` with its own data folder and waits for its URL line.
 * `seedHome` may write files into that folder before the host starts (e.g. a damaged vault.json).
 */
export async function startPreviewHost(env: Record<string, string>, seedHome?: (home: string) => void): Promise<PreviewHost> {
  const home = mkdtempSync(join(tmpdir(), 'tweestap-e2e-home-'));
  seedHome?.(home);
  const child = spawn(process.execPath, [join(ROOT, 'dist/preview/server.mjs')], {
    cwd: ROOT,
    env: { ...process.env, TWEESTAP_HOME: home, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`preview host did not start in 20 s: ${stderr}`)), 20_000);
    child.once('exit', (code) => reject(new Error(`preview host exited with ${code}: ${stderr}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^Tweestap preview: (\S+)$/.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
  });
  return {
    url,
    home,
    process: child,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(home, { recursive: true, force: true });
    },
  };
}

export interface E2eContext {
  host: PreviewHost;
  /** This file's own keychain service name (TWEESTAP_KEYCHAIN_SERVICE of its preview host). */
  keychainService: string;
  portal: PracticePortal;
  browser: BrowserContext;
  /** The Tweestap page (the preview host's URL, already loaded). */
  app: Page;
}

/**
 * Sets up hooks for one test file and returns a live view of its context. Each file gets its own
 * data folder, keychain service, browser profile, preview host and practice portal.
 */
export function useE2e(
  options: {
    locale?: string;
    colorScheme?: 'light' | 'dark';
    /** Added to CHROMIUM_ARGS (e.g. a fake camera). */
    chromiumArgs?: readonly string[];
    /** A real window even without HEADED (screen capture needs one; run under with-display.sh). */
    headed?: boolean;
    /** Writes files into the fresh TWEESTAP_HOME before the preview host starts. */
    seedHome?: (home: string) => void;
    /** More environment for the preview host (e.g. TWEESTAP_PREVIEW_ANY_CODE_TIME for a faked page clock). */
    env?: Record<string, string>;
  } = {},
): E2eContext {
  const context = {} as E2eContext;
  let profile = '';

  beforeAll(async () => {
    context.portal = await startPracticePortal();
    context.keychainService = `tweestap-e2e-${randomBytes(4).toString('hex')}`;
    context.host = await startPreviewHost({ TWEESTAP_KEYCHAIN_SERVICE: context.keychainService, ...options.env }, options.seedHome);
    profile = mkdtempSync(join(tmpdir(), 'tweestap-e2e-chromium-'));
    context.browser = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [...CHROMIUM_ARGS, ...(options.chromiumArgs ?? [])],
      headless: !(options.headed || process.env.HEADED),
      locale: options.locale ?? 'en-GB',
      colorScheme: options.colorScheme ?? 'light',
      viewport: { width: 900, height: 800 },
    });
    context.app = context.browser.pages()[0] ?? (await context.browser.newPage());
    await openApp(context);
  });

  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
      mkdirSync(join(ROOT, 'test-results'), { recursive: true });
      const name = `${task.file?.name.replace(/\W+/g, '_') ?? 'e2e'}--${task.name.replace(/\W+/g, '_')}.png`;
      await context.app?.screenshot({ path: join(ROOT, 'test-results', name), fullPage: true }).catch(() => undefined);
    });
  });

  afterAll(async () => {
    await context.browser?.close();
    await context.host?.stop();
    await context.portal?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  return context;
}

/** (Re)loads Tweestap from the preview host's URL (with its token) and waits for the first screen. */
export async function openApp(context: E2eContext): Promise<void> {
  await context.app.goto(context.host.url);
  await context.app.locator('.app-header, .keychain-problem').first().waitFor();
}

/** Reads the X clipboard (the preview host copies there with xclip). */
export async function readClipboard(): Promise<string> {
  const child = spawn('xclip', ['-selection', 'clipboard', '-o'], { stdio: ['ignore', 'pipe', 'ignore'] });
  let text = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  await new Promise((done) => child.once('close', done));
  return text;
}

/**
 * Puts `data` on the X clipboard as `type` (text or e.g. image/png), as another program's copy
 * would. xclip stays in the background owning the selection, so wait for the process we started.
 */
export async function writeClipboard(data: string | Uint8Array, type?: string): Promise<void> {
  const child = spawn('xclip', ['-selection', 'clipboard', ...(type ? ['-t', type] : []), '-i'], { stdio: ['pipe', 'ignore', 'ignore'] });
  const exited = new Promise((done) => child.once('exit', done));
  child.stdin.end(data);
  await exited;
}

/** Runs axe-core on the page and returns its violations (id and the failing nodes). */
export async function axeViolations(page: Page): Promise<{ id: string; help: string; nodes: string[] }[]> {
  // Evaluated through the DevTools protocol rather than addScriptTag: the app's CSP (script-src
  // 'self') rightly refuses an injected inline script.
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({ id: violation.id, help: violation.help, nodes: violation.nodes.map((node) => JSON.stringify(node.target)) }));
  });
}

/**
 * Calls the preview host's API directly (preview/PROTOCOL.md), for test set-up and for checking
 * what main stored; throws on an error result.
 */
export async function callApi<M extends ApiMethod>(host: PreviewHost, method: M, ...args: Parameters<TweestapApi[M]>): Promise<Awaited<ReturnType<TweestapApi[M]>>> {
  const url = new URL(host.url);
  const token = new URLSearchParams(url.hash.slice(1)).get('token');
  const response = await fetch(`${url.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ args }),
  });
  const result = (await response.json()) as ApiResult<Awaited<ReturnType<TweestapApi[M]>>>;
  if (!result.ok) throw new Error(`${method} failed: ${result.error.key}`);
  return result.value;
}

/** A TOTP test account's link; the secrets are made up for the tests. */
export function testUri(issuer: string, account: string, secret: string, period = 30): string {
  return `otpauth://totp/${encodeURIComponent(issuer)}:${encodeURIComponent(account)}?secret=${secret}&issuer=${encodeURIComponent(issuer)}&period=${period}`;
}
