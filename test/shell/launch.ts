/**
 * Starts the real built app for a shell spec and gives the test one handle, whichever Electron
 * runs it:
 * - default: the stand-in (./stand-in): `node --require stand-in/register.cjs dist/electron/main.cjs`,
 *   driven over the fork IPC control channel (./stand-in/control.ts), its windows reached with
 *   connectOverCDP;
 * - TWEESTAP_ELECTRON=real: Playwright's `_electron.launch()` on node_modules/electron, driven
 *   through `electronApp.evaluate` in main (app events, dialog answers); the stand-in-only
 *   operations (tray, shortcuts, recorded calls) throw there.
 * Each file gets its own TWEESTAP_HOME, XDG_CONFIG_HOME (Electron's userData and its single
 * instance lock) and keychain service name (useShell).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, chromium, type Browser, type BrowserContext, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { DialogAnswer } from './stand-in/dialog';
import type { StandInState } from './stand-in/control';
import type { DeliveredMessage } from './stand-in/record';

export const ROOT = resolve(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'dist/electron/main.cjs');
const REGISTER = join(import.meta.dirname, 'stand-in/register.cjs');

/** TWEESTAP_ELECTRON=real: the real Electron binary (CI with the binary); otherwise the stand-in. */
export const REAL_ELECTRON = process.env.TWEESTAP_ELECTRON === 'real';

/** The app's first screen: the account list, the keychain problem screen, or the notice of a damaged install's missing messages. */
export const FIRST_SCREEN = '.app-header, .keychain-problem, .messages-missing';

export interface LaunchOptions {
  /** TWEESTAP_HOME; the data folder. */
  home: string;
  /** XDG_CONFIG_HOME: Electron's userData (and the single-instance lock) lives under it. */
  configHome: string;
  keychainService: string;
  /** Extra command-line arguments (e.g. an otpauth:// link). */
  argv?: string[];
  /** Main's script (default: this checkout's dist/electron/main.cjs; a packaged app's, extracted). Stand-in only. */
  main?: string;
  /** Main's working directory (default: this checkout). */
  cwd?: string;
  env?: Record<string, string>;
}

/** The operations of ./stand-in/control.ts, typed for the test. */
export interface ShellControl {
  state(): Promise<StandInState>;
  /** Every invoke reply and webContents.send main gave its renderers, as JSON text. */
  delivered(): Promise<DeliveredMessage[]>;
  secondInstance(argv: string[], cwd: string): Promise<void>;
  openUrl(url: string): Promise<void>;
  activate(): Promise<void>;
  quit(): Promise<void>;
  /** Answers dialog `id`, or (null) the oldest pending one, or the next one to come. */
  answerDialog(id: number | null, answer: DialogAnswer): Promise<void>;
  clickTray(): Promise<void>;
  clickTrayMenuItem(label: string): Promise<void>;
  pressShortcut(accelerator: string): Promise<void>;
  closeWindow(id: number): Promise<void>;
  setWindowBounds(id: number, bounds: { x: number; y: number; width: number; height: number }): Promise<void>;
}

export interface ShellApp extends ShellControl {
  readonly kind: 'stand-in' | 'real';
  /** The exit code once main's process has ended (null when killed by a signal). */
  readonly exited: Promise<number | null>;
  /** What main wrote to stderr (its log lines). */
  output(): string;
  /** The main window's page, showing the app's first screen. */
  mainWindow(): Promise<Page>;
  /** Ends the app if it still runs (SIGTERM) and lets go of its browser. */
  stop(): Promise<void>;
}

function appEnv(options: LaunchOptions): NodeJS.ProcessEnv {
  return { ...process.env, TWEESTAP_HOME: options.home, XDG_CONFIG_HOME: options.configHome, TWEESTAP_KEYCHAIN_SERVICE: options.keychainService, ...options.env };
}

export function launchApp(options: LaunchOptions): Promise<ShellApp> {
  return REAL_ELECTRON ? launchReal(options) : launchStandIn(options);
}

async function launchStandIn(options: LaunchOptions): Promise<ShellApp> {
  const child: ChildProcess = fork(options.main ?? MAIN, options.argv ?? [], {
    cwd: options.cwd ?? ROOT,
    execArgv: ['--require', REGISTER],
    env: appEnv(options),
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    serialization: 'advanced',
  });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 1;
  child.on('message', (message: { standInReply?: number; ok?: boolean; value?: unknown; error?: string }) => {
    const request = message.standInReply === undefined ? undefined : waiting.get(message.standInReply);
    if (!request) return;
    waiting.delete(message.standInReply!);
    if (message.ok) request.resolve(message.value);
    else request.reject(new Error(`stand-in: ${message.error}`));
  });
  void exited.then((code) => {
    for (const request of waiting.values()) request.reject(new Error(`main exited (${code}) before answering; output:\n${output}`));
    waiting.clear();
  });
  const control = <T>(op: string, ...args: unknown[]): Promise<T> =>
    new Promise<T>((resolveReply, reject) => {
      if (!child.connected) return reject(new Error(`main is not running; output:\n${output}`));
      const id = nextId++;
      waiting.set(id, { resolve: resolveReply as (value: unknown) => void, reject });
      child.send({ standIn: id, op, args });
    });

  let browser: Browser | null = null;
  const mainWindow = async (): Promise<Page> => {
    browser ??= await chromium.connectOverCDP((await control<string>('cdpEndpoint'))!);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const page = browser.contexts()[0]?.pages().find((candidate) => /^http:\/\/tweestap\.app\.localhost:\d+\//.test(candidate.url()));
      if (page) {
        await page.locator(FIRST_SCREEN).first().waitFor({ timeout: 30_000 });
        return page;
      }
      if (Date.now() > deadline) throw new Error(`no app window within 30 s; output:\n${output}`);
      await new Promise((done) => setTimeout(done, 200));
    }
  };

  return {
    kind: 'stand-in',
    exited,
    output: () => output,
    mainWindow,
    state: () => control('state'),
    delivered: () => control('delivered'),
    secondInstance: (argv, cwd) => control('secondInstance', argv, cwd),
    openUrl: (url) => control('openUrl', url),
    activate: () => control('activate'),
    quit: () => control('quit'),
    answerDialog: (id, answer) => control('answerDialog', id, answer),
    clickTray: () => control('clickTray'),
    clickTrayMenuItem: (label) => control('clickTrayMenuItem', label),
    pressShortcut: (accelerator) => control('pressShortcut', accelerator),
    closeWindow: (id) => control('closeWindow', id),
    setWindowBounds: (id, bounds) => control('setWindowBounds', id, bounds),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      // A main stuck mid-capture may not end on SIGTERM; it must not hold the single-instance lock.
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killer);
      await browser?.close().catch(() => undefined);
    },
  };
}

/** Part 3: the same handle on the real Electron (needs the binary; not runnable on this machine). */
async function launchReal(options: LaunchOptions): Promise<ShellApp> {
  if (options.main) throw new Error('a main script of its own needs the stand-in (TWEESTAP_ELECTRON is real)');
  const electronApp: ElectronApplication = await _electron.launch({ args: [ROOT, ...(options.argv ?? [])], cwd: ROOT, env: appEnv(options) as Record<string, string> });
  let output = '';
  electronApp.process().stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<number | null>((done) => electronApp.process().once('exit', (code) => done(code)));
  const standInOnly = (op: string) => () => Promise.reject(new Error(`${op} needs the stand-in (TWEESTAP_ELECTRON is real)`));
  return {
    kind: 'real',
    exited,
    output: () => output,
    mainWindow: async () => {
      const page = await electronApp.firstWindow();
      await page.locator(FIRST_SCREEN).first().waitFor({ timeout: 30_000 });
      return page;
    },
    state: standInOnly('state'),
    delivered: standInOnly('delivered'),
    secondInstance: (argv, cwd) => electronApp.evaluate(({ app }, [args, dir]) => void app.emit('second-instance', { preventDefault() {} }, args, dir, null), [argv, cwd] as const),
    openUrl: (url) => electronApp.evaluate(({ app }, link) => void app.emit('open-url', { preventDefault() {} }, link), url),
    activate: () => electronApp.evaluate(({ app }) => void app.emit('activate', { preventDefault() {} }, true)),
    quit: () => electronApp.evaluate(({ app }) => app.quit()),
    // The answer waits in main; the next message box takes it instead of showing.
    answerDialog: (_id, answer) =>
      electronApp.evaluate(({ dialog }, given) => {
        const store = globalThis as { standInAnswers?: unknown[] };
        if (!store.standInAnswers) {
          store.standInAnswers = [];
          const show = dialog.showMessageBox.bind(dialog) as (...args: unknown[]) => Promise<unknown>;
          (dialog as { showMessageBox: unknown }).showMessageBox = (...args: unknown[]) => (store.standInAnswers!.length > 0 ? Promise.resolve(store.standInAnswers!.shift()) : show(...args));
        }
        store.standInAnswers.push(given);
      }, answer),
    clickTray: standInOnly('clickTray'),
    clickTrayMenuItem: standInOnly('clickTrayMenuItem'),
    pressShortcut: standInOnly('pressShortcut'),
    closeWindow: () => electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close()),
    setWindowBounds: (_id, bounds) => electronApp.evaluate(({ BrowserWindow }, rect) => BrowserWindow.getAllWindows()[0]?.setBounds(rect), bounds),
    stop: async () => {
      if (electronApp.process().exitCode === null) await electronApp.close().catch(() => undefined);
    },
  };
}

/**
 * Shows `html` in a browser window of its own on the X screen, as another program would (the
 * user's browser showing a portal's QR code), at `bounds`, in front. A window of its own matters:
 * Playwright's newPage adds a tab to the last active window, which may be the app's, and goes
 * off the screen with it when main hides that window for a scan. Needs the stand-in's Chromium
 * (`page` is one of its pages).
 */
export async function showInOwnWindow(page: Page, html: string, bounds = { left: 40, top: 40, width: 900, height: 900 }): Promise<Page> {
  const context = page.context();
  const browser = context.browser();
  if (!browser) throw new Error('showInOwnWindow needs a page of a connected browser');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetId } = (await cdp.send('Target.createTarget', { url: 'about:blank', newWindow: true })) as { targetId: string };
    const other = await pageOfTarget(context, targetId);
    const session = await context.newCDPSession(other);
    const { windowId } = (await session.send('Browser.getWindowForTarget')) as { windowId: number };
    await session.send('Browser.setWindowBounds', { windowId, bounds });
    await session.detach();
    await other.setContent(html);
    await other.bringToFront();
    return other;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

async function pageOfTarget(context: BrowserContext, targetId: string): Promise<Page> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    for (const candidate of context.pages()) {
      const session = await context.newCDPSession(candidate).catch(() => null);
      const info = (await session?.send('Target.getTargetInfo').catch(() => null)) as { targetInfo: { targetId: string } } | null | undefined;
      await session?.detach().catch(() => undefined);
      if (info?.targetInfo.targetId === targetId) return candidate;
    }
    if (Date.now() > deadline) throw new Error(`no page for target ${targetId}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** Waits for the next dialog of `kind` main shows that is still unanswered (stand-in only). */
export async function pendingDialog(app: ShellApp, kind: StandInState['dialogs'][number]['kind']): Promise<StandInState['dialogs'][number]> {
  let found: StandInState['dialogs'][number] | undefined;
  await expect.poll(async () => (found = (await app.state()).dialogs.find((dialog) => dialog.kind === kind && dialog.answer === null)), { timeout: 20_000 }).toBeDefined();
  return found!;
}

export interface ShellContext {
  home: string;
  configHome: string;
  keychainService: string;
  /** Apps started in this file; each is stopped after its test. */
  start(options?: Partial<LaunchOptions>): Promise<ShellApp>;
}

/** Per test file: a fresh data folder, config folder and keychain service; apps stopped after each test. */
export function useShell(): ShellContext {
  const running: ShellApp[] = [];
  let root = '';
  const context: ShellContext = {
    home: '',
    configHome: '',
    keychainService: '',
    start: async (options = {}) => {
      const app = await launchApp({ home: context.home, configHome: context.configHome, keychainService: context.keychainService, ...options });
      running.push(app);
      return app;
    },
  };
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'tweestap-shell-'));
    context.home = join(root, 'home');
    context.configHome = join(root, 'config');
    mkdirSync(context.home, { mode: 0o700 });
    mkdirSync(context.configHome);
    context.keychainService = `tweestap-shell-${randomBytes(4).toString('hex')}`;
  });
  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
      mkdirSync(join(ROOT, 'test-results'), { recursive: true });
      for (const app of running) {
        const page = await Promise.race([app.mainWindow().catch(() => null), new Promise<null>((done) => setTimeout(() => done(null), 2_000))]);
        await page?.screenshot({ path: join(ROOT, 'test-results', `shell--${task.name.replace(/\W+/g, '_')}.png`) }).catch(() => undefined);
      }
    });
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((app) => app.stop()));
  });
  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });
  return context;
}
