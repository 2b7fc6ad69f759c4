/**
 * Follows docs/api/app.md (Electron 45):
 * - 'will-finish-launching' and 'ready' (same on Linux) after main's first tick, then whenReady()
 *   resolves; isReady();
 * - quit(): 'before-quit' (preventable), then every window gets a preventable 'close' (one
 *   refusal cancels the quit), then 'will-quit' (preventDefault holds the quit: the app keeps
 *   running until quit() again), then 'quit' (event, exitCode) and the process exits 0;
 *   'window-all-closed' is not emitted for a quit;
 * - exit(code): windows destroyed without events, no before-quit/will-quit, exits with `code`;
 * - 'window-all-closed' when the last window goes otherwise; without a listener the app quits;
 * - 'web-contents-created' for each window's webContents; 'second-instance' (event, argv,
 *   workingDirectory, additionalData) after 'ready' when a second run calls
 *   requestSingleInstanceLock() (a lock file and unix socket per userData folder,
 *   $XDG_CONFIG_HOME/<name>); 'open-url' and 'activate' are fired by the test;
 * - getName/setName, getVersion (the app's package.json), getLocale (LC_ALL/LC_MESSAGES/LANG,
 *   the locale Chromium is started with; en-US without one), getAppPath, isPackaged (true when
 *   main runs from resources/app[.asar]), setAsDefaultProtocolClient/isDefaultProtocolClient,
 *   setLoginItemSettings/getLoginItemSettings (recorded; _macOS_ _Windows_ in the doc).
 * Electron's main process warns on an unhandled rejection (--unhandled-rejections=warn,
 * electron/electron#36528) instead of crashing as plain Node would; the stand-in does the same.
 */
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import type { App } from 'electron';
import { launchEngine, type Engine } from './chromium';
import { preventableEvent, StandInBrowserWindow, windowEvents } from './browser-window';
import { startProtocolServer, stopProtocolServer } from './protocol';
import { markAppReady } from './readiness';
import { record } from './record';
import { killUtilityProcesses } from './utility-process';

/** The app's folder: where the package.json above main's script is. */
function findAppPath(): string {
  let dir = dirname(process.argv[1] ?? process.cwd());
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** A POSIX locale (nl_NL.UTF-8) as a Chromium locale (nl-NL); en-US when none is set. */
export function localeFromEnv(env: NodeJS.ProcessEnv): string {
  const raw = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  const match = /^([a-z]{2,3})(?:_([A-Z]{2}))?/.exec(raw);
  if (!match || raw === 'C' || raw === 'POSIX') return 'en-US';
  return match[2] ? `${match[1]}-${match[2]}` : match[1]!;
}

/**
 * An XDG user directory as Chromium finds it on Linux (xdg-user-dirs): XDG_<NAME>_DIR in
 * <config>/user-dirs.dirs, "$HOME/..." expanded; otherwise ~/Documents, ~/Downloads, ~/Desktop.
 */
export function xdgUserDir(name: 'documents' | 'downloads' | 'desktop', config: string, home = homedir()): string {
  const [key, fallback] = ({ documents: ['DOCUMENTS', 'Documents'], downloads: ['DOWNLOAD', 'Downloads'], desktop: ['DESKTOP', 'Desktop'] } as const)[name];
  const file = join(config, 'user-dirs.dirs');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const match = new RegExp(`^XDG_${key}_DIR="([^"]*)"`, 'm').exec(text);
  const value = match?.[1]?.replace(/^\$HOME(?=\/|$)/, home);
  return value && isAbsolute(value) ? value : join(home, fallback);
}

class StandInApp extends EventEmitter {
  readonly #appPath = findAppPath();
  readonly #packageJson = JSON.parse(readFileSync(join(this.#appPath, 'package.json'), 'utf8')) as { name?: string; productName?: string; version?: string };
  #name = this.#packageJson.productName ?? this.#packageJson.name ?? 'Electron';
  #ready = false;
  #readyPromise: Promise<void>;
  #resolveReady!: () => void;
  #quitting = false;
  #exiting = false;
  #engine: Engine | null = null;
  #lock: { file: string; server: Server | null } | null = null;
  /** Messages to the primary instance still on their way; the process waits for them at exit. */
  #handingOver: Promise<void> = Promise.resolve();
  readonly protocolClients = new Set<string>();
  loginItemSettings: Record<string, unknown> = { openAtLogin: false };
  exitCode: number | null = null;
  readonly isPackaged = /[\\/]resources[\\/]app(\.asar)?[\\/]/.test(process.argv[1] ?? '');

  constructor() {
    super();
    this.#readyPromise = new Promise((resolve) => (this.#resolveReady = resolve));
    windowEvents.on('created', (win: StandInBrowserWindow) => {
      this.emit('browser-window-created', preventableEvent(), win);
      this.emit('web-contents-created', preventableEvent(), win.webContents);
    });
    windowEvents.on('destroyed', () => {
      if (StandInBrowserWindow.getAllWindows().length > 0 || this.#quitting || this.#exiting) return;
      if (this.listenerCount('window-all-closed') > 0) this.emit('window-all-closed');
      else this.quit();
    });
  }

  /** Started by ./index.ts once main's script has run its first tick (app.md: 'ready' note). */
  async startUp(): Promise<void> {
    if (this.#quitting || this.#exiting) return;
    this.#engine = await launchEngine(this.getLocale(), this.getPath('sessionData'));
    await startProtocolServer();
    if (this.#quitting || this.#exiting) return;
    this.#ready = true;
    markAppReady();
    this.emit('will-finish-launching');
    this.emit('ready', preventableEvent(), {});
    this.#resolveReady();
  }

  get engine(): Engine | null {
    return this.#engine;
  }

  isReady(): boolean {
    return this.#ready;
  }

  whenReady(): Promise<void> {
    return this.#readyPromise;
  }

  getName(): string {
    return this.#name;
  }

  setName(name: string): void {
    record('app', 'setName', name);
    this.#name = name;
  }

  get name(): string {
    return this.#name;
  }

  getVersion(): string {
    return this.#packageJson.version ?? '45.5.0';
  }

  getLocale(): string {
    return localeFromEnv(process.env);
  }

  getAppPath(): string {
    return this.#appPath;
  }

  /**
   * app.md getPath('userData'): appData (XDG_CONFIG_HOME or ~/.config on Linux) plus the name;
   * 'sessionData' (Chromium's profile: local storage, caches, crash reports): userData;
   * 'documents', 'downloads', 'desktop': the XDG user directories (xdgUserDir).
   */
  getPath(name: string): string {
    const config = process.env.XDG_CONFIG_HOME && isAbsolute(process.env.XDG_CONFIG_HOME) ? process.env.XDG_CONFIG_HOME : join(homedir(), '.config');
    if (name === 'appData') return config;
    if (name === 'userData' || name === 'sessionData') return join(config, this.#name);
    if (name === 'temp') return tmpdir();
    if (name === 'home') return homedir();
    if (name === 'documents' || name === 'downloads' || name === 'desktop') return xdgUserDir(name, config);
    throw new Error(`electron stand-in: app.getPath('${name}') is not modelled`);
  }

  setAsDefaultProtocolClient(protocol: string, path?: string, args?: string[]): boolean {
    record('app', 'setAsDefaultProtocolClient', protocol, path, args);
    this.protocolClients.add(protocol);
    return true;
  }

  isDefaultProtocolClient(protocol: string): boolean {
    return this.protocolClients.has(protocol);
  }

  removeAsDefaultProtocolClient(protocol: string): boolean {
    record('app', 'removeAsDefaultProtocolClient', protocol);
    return this.protocolClients.delete(protocol);
  }

  setLoginItemSettings(settings: Record<string, unknown>): void {
    record('app', 'setLoginItemSettings', settings);
    this.loginItemSettings = { ...settings };
  }

  getLoginItemSettings(): Record<string, unknown> {
    return this.loginItemSettings;
  }

  focus(): void {
    record('app', 'focus');
  }

  /** app.md requestSingleInstanceLock: true for the primary instance; a second one hands over its argv. */
  requestSingleInstanceLock(additionalData?: Record<string, unknown>): boolean {
    record('app', 'requestSingleInstanceLock', additionalData);
    const id = createHash('sha256').update(this.getPath('userData')).digest('hex').slice(0, 16);
    const file = join(tmpdir(), `electron-stand-in-${id}.lock`);
    const socket = join(tmpdir(), `electron-stand-in-${id}.sock`);
    if (this.#takeLock(file)) {
      rmSync(socket, { force: true });
      const server = createServer((connection) => {
        let text = '';
        connection.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        connection.on('end', () => {
          const message = JSON.parse(text) as { argv: string[]; cwd: string; additionalData: unknown };
          // app.md: guaranteed after 'ready'.
          void this.whenReady().then(() => this.emit('second-instance', preventableEvent(), message.argv, message.cwd, message.additionalData ?? null));
          connection.end();
        });
      });
      server.listen(socket);
      this.#lock = { file, server };
      return true;
    }
    this.#handingOver = new Promise<void>((resolve) => {
      const connection = createConnection(socket, () => connection.end(JSON.stringify({ argv: process.argv, cwd: process.cwd(), additionalData })));
      connection.on('close', () => resolve());
      connection.on('error', () => resolve());
    });
    return false;
  }

  #takeLock(file: string): boolean {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(file, 'wx');
        writeSync(fd, String(process.pid));
        closeSync(fd);
        return true;
      } catch {
        const holder = Number(readFileSync(file, 'utf8'));
        if (holder && isAlive(holder)) return false;
        rmSync(file, { force: true }); // left by a run that died
      }
    }
    return false;
  }

  hasSingleInstanceLock(): boolean {
    return this.#lock !== null;
  }

  releaseSingleInstanceLock(): void {
    if (!this.#lock) return;
    this.#lock.server?.close();
    rmSync(this.#lock.file, { force: true });
    this.#lock = null;
  }

  quit(): void {
    record('app', 'quit');
    if (this.#quitting || this.#exiting) return;
    this.#quitting = true;
    // Electron runs the quit after the current task; so does the stand-in.
    setImmediate(() => this.#runQuit());
  }

  #runQuit(): void {
    const beforeQuit = preventableEvent();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return void (this.#quitting = false);
    for (const win of StandInBrowserWindow.getAllWindows()) {
      win.close();
      if (!win.isDestroyed()) return void (this.#quitting = false);
    }
    const willQuit = preventableEvent();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) {
      record('app', 'quitHeldByWillQuit');
      this.#quitting = false;
      return;
    }
    this.emit('quit', preventableEvent(), 0);
    void this.#shutDown(0);
  }

  exit(exitCode = 0): void {
    record('app', 'exit', exitCode);
    if (this.#exiting) return;
    this.#exiting = true;
    for (const win of StandInBrowserWindow.getAllWindows()) win.destroy();
    void this.#shutDown(exitCode);
  }

  async #shutDown(exitCode: number): Promise<void> {
    this.#exiting = true;
    this.exitCode = exitCode;
    killUtilityProcesses();
    await this.#handingOver;
    this.releaseSingleInstanceLock();
    await this.#engine?.close();
    await stopProtocolServer();
    process.exit(exitCode);
  }

  standInDescription(): string {
    return '[app]';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export const app = new StandInApp();
export const electronApp = app as unknown as App;

process.on('unhandledRejection', (reason) => {
  const text = reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
  console.error(`(electron stand-in) UnhandledPromiseRejectionWarning: ${text}`);
  record('process', 'unhandledRejection', text);
});
