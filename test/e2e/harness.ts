/**
 * The browser test harness: per test file a fresh TWEESTAP_HOME, config folder and keychain
 * service name; the real built main (dist/electron/main.cjs and preload.cjs) on the Electron
 * stand-in (test/shell/launch.ts), its window driven through playwright-core; the practice portal
 * in-process; a screenshot (and main's output) for every failing test. Every file goes through
 * main; the preview host (`npm run preview`) is a development tool, tested in test/unit/preview and
 * test/keychain.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { FIRST_SCREEN, launchApp, type ShellApp } from '../shell/launch';
import type { ApiMethod, ApiResult, TweestapApi } from '../../shared/api';
import { startPracticePortal, type PracticePortal } from '../fixtures/practice-portal/portal';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * The real app under test: the built dist/electron/main.cjs and preload.cjs on the Electron
 * stand-in (test/shell/launch.ts), its own data folder, config folder and keychain service.
 * Every call of the page crosses the real preload, ipc.ts and main.ts.
 */
export interface MainHost {
  readonly kind: 'main';
  /** TWEESTAP_HOME. */
  home: string;
  configHome: string;
  keychainService: string;
  /** The running main (dialogs, tray, shortcuts, quit). */
  shell: ShellApp;
  /** The window main opened, showing the first screen. */
  page: Page;
  /** Ends main (SIGTERM) and starts it again on the same folders; `page` becomes the new window. */
  restart(): Promise<Page>;
  /** Ends main and removes its folders. */
  stop(): Promise<void>;
}

/**
 * Starts the real main on the stand-in with a fresh data folder (`seedHome` may write files into
 * it first) and waits for its window's first screen. `argv` reaches main's command line (Chromium
 * switches such as a fake camera reach the stand-in's Chromium from there, as in Electron).
 */
export async function startMain(options: { keychainService: string; env?: Record<string, string>; argv?: string[]; seedHome?: (home: string) => void }): Promise<MainHost> {
  const root = mkdtempSync(join(tmpdir(), 'tweestap-e2e-'));
  const home = join(root, 'home');
  const configHome = join(root, 'config');
  mkdirSync(home, { mode: 0o700 });
  mkdirSync(configHome);
  options.seedHome?.(home);
  const launch = () => launchApp({ home, configHome, keychainService: options.keychainService, argv: options.argv, env: options.env });
  // The size the tests' layout expects (the browser tests' old 900 x 800 viewport), set as the
  // user would: by resizing main's window.
  const sized = async (): Promise<Page> => {
    host.page = await host.shell.mainWindow();
    await resizeWindow(host, 900, 800);
    return host.page;
  };
  const host: MainHost = {
    kind: 'main',
    home,
    configHome,
    keychainService: options.keychainService,
    shell: await launch(),
    page: undefined as unknown as Page,
    restart: async () => {
      await host.shell.stop();
      host.shell = await launch();
      host.page = await sized();
      return host.page;
    },
    stop: async () => {
      await host.shell.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
  try {
    host.page = await sized();
  } catch (error) {
    await host.stop();
    throw error;
  }
  return host;
}

export interface E2eContext {
  host: MainHost;
  /** This file's own keychain service name (TWEESTAP_KEYCHAIN_SERVICE of its main). */
  keychainService: string;
  portal: PracticePortal;
  /** The stand-in's browser context (the Chromium behind main's windows). */
  browser: BrowserContext;
  /** The Tweestap page: the window main opened. */
  app: Page;
}

/** A POSIX locale for main's environment: the stand-in's app.getLocale() and Chromium's language follow LANG. */
function posixLocale(locale: string): string {
  return `${locale.replace('-', '_')}.UTF-8`;
}

/**
 * Sets up hooks for one test file and returns a live view of its context. Each file gets its own
 * data folder, keychain service, real main on the stand-in (its own Chromium profile) and
 * practice portal.
 */
export function useE2e(
  options: {
    locale?: string;
    /** Added to main's command line (Chromium switches reach the stand-in's Chromium, e.g. a fake camera). */
    chromiumArgs?: readonly string[];
    /** Writes files into the fresh TWEESTAP_HOME before main starts. */
    seedHome?: (home: string) => void;
    /** More environment for main. */
    env?: Record<string, string>;
  } = {},
): E2eContext {
  const context = {} as E2eContext;

  beforeAll(async () => {
    context.portal = await startPracticePortal();
    context.keychainService = `tweestap-e2e-${randomBytes(4).toString('hex')}`;
    const locale = options.locale ?? 'en-GB';
    context.host = await startMain({
      keychainService: context.keychainService,
      env: { LANG: posixLocale(locale), LC_ALL: posixLocale(locale), LANGUAGE: '', ...options.env },
      argv: [...(options.chromiumArgs ?? [])],
      seedHome: options.seedHome,
    });
    context.app = context.host.page;
    context.browser = context.app.context();
  });

  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
      mkdirSync(join(ROOT, 'test-results'), { recursive: true });
      const name = `${task.file?.name.replace(/\W+/g, '_') ?? 'e2e'}--${task.name.replace(/\W+/g, '_')}.png`;
      await context.app?.screenshot({ path: join(ROOT, 'test-results', name), fullPage: true }).catch(() => undefined);
      if (context.host) console.error(`main's output:\n${context.host.shell.output()}`);
    });
  });

  afterAll(async () => {
    await context.host?.stop();
    await context.portal?.close();
  });

  return context;
}

/** Reloads main's window (a fresh renderer start) and waits for the first screen. */
export async function openApp(context: E2eContext): Promise<void> {
  await context.app.reload();
  await context.app.locator(FIRST_SCREEN).first().waitFor();
}

/**
 * Resizes main's window as the user would (main's BrowserWindow.setBounds) and waits for the page
 * to follow. Below the width a Chromium X window can have (about 500 px; Electron's own minimum is
 * main's minWidth), the stand-in's window stops shrinking: the page is then given that size by
 * Playwright's viewport emulation, as the browser tests always did.
 */
export async function resizeWindow(host: MainHost, width: number, height: number): Promise<void> {
  const [shown] = (await host.shell.state()).windows;
  if (!shown) throw new Error('main has no window');
  await host.shell.setWindowBounds(shown.id, { x: 0, y: 0, width, height });
  const followed = await host.page
    .waitForFunction((wanted) => Math.abs(window.innerWidth - wanted) < 40, width, { timeout: 5_000 })
    .then(() => true, () => false);
  if (!followed) await host.page.setViewportSize({ width, height });
}

/** Ends main and starts it again on the same data folder (the app's start afresh); ctx.app is its new window. */
export async function restartMain(context: E2eContext): Promise<void> {
  context.app = await context.host.restart();
  context.browser = context.app.context();
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
 * Calls the API for test set-up and for checking what main stored; throws on an error result.
 * Through `window.tweestap` of main's window, so the call crosses the real preload, ipc.ts (with
 * its sender check) and main.ts.
 */
export async function callApi<M extends ApiMethod>(host: MainHost, method: M, ...args: Parameters<TweestapApi[M]>): Promise<Awaited<ReturnType<TweestapApi[M]>>> {
  const result = (await host.page.evaluate(
    ([name, given]) => (window as unknown as { tweestap: Record<string, (...values: unknown[]) => Promise<unknown>> }).tweestap[name]!(...given),
    [method, args as unknown[]] as const,
  )) as ApiResult<Awaited<ReturnType<TweestapApi[M]>>>;
  if (!result.ok) throw new Error(`${method} failed: ${result.error.key}`);
  return result.value;
}

/** A TOTP test account's link; the secrets are made up for the tests. */
export function testUri(issuer: string, account: string, secret: string, period = 30): string {
  return `otpauth://totp/${encodeURIComponent(issuer)}:${encodeURIComponent(account)}?secret=${secret}&issuer=${encodeURIComponent(issuer)}&period=${period}`;
}
