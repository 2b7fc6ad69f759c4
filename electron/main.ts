/**
 * The Electron main process: the only place that wires real adapters to the services. Thin on
 * purpose: decisions live in security.ts, window.ts, ipc.ts, tray.ts and the services, where unit
 * tests reach them.
 */
import path from 'node:path';
import { app, BrowserWindow, desktopCapturer, dialog, globalShortcut, ipcMain, Menu, nativeImage, powerMonitor, protocol, screen, session, shell, systemPreferences, Tray } from 'electron';
import { AppLock, idleLockDue } from '../node/app-lock';
import { openAccountService } from '../node/open-accounts';
import type { Settings } from '../shared/api';
import { TweestapError } from '../shared/errors';
import { localeFromTag, translate, type Locale } from '../shared/i18n';
import { systemClock } from '../shared/ports';
import { deepLinkFromArgv, DeepLinkQueue, linkPrompt, PROTOCOL_SCHEME, validateDeepLink } from './deep-link';
import { forwardEvents, registerIpcHandlers } from './ipc';
import { launchedExecutable, protocolClientTarget, type LaunchFacts } from './launch-target';
import { setLinuxAutostart } from './login-item';
import { contentProtectionWorks, MEDIA_ACCESS_GUIDE, mediaAccessStep, type MediaKind } from './media-access';
import { electronClipboard } from './clipboard';
import { startUtilityKeychainWorker } from './keychain-transport';
import { dataDir } from '../node/paths';
import { defaultRendererRoot, loadRendererFile } from '../node/renderer-files';
import { APP_ENTRY_URL, APP_HOST, APP_ORIGIN, APP_SCHEME, guardWebContents, installSessionGuards, originOf } from './security';
import { createApiService, describeError, type ApiService, type HostPort } from '../node/api-service';
import { ClipboardGuard } from '../node/clipboard-guard';
import { SettingsService } from '../node/settings';
import { openDataFolder } from '../node/private-folder';
import { holdQuitUntilDone } from './quit-guard';
import { applySettingChanges } from './shell-settings';
import { trayIconBitmap, trayMenuTemplate } from './tray';
import { restorableBounds, secureWindowOptions } from './window';
import { lockOnConfirmed, lockOnPrompt } from './lock-prompt';
import { backupSaveDialogOptions, chosenBackupPath } from './save-dialog';

const log = (message: string) => console.error(`[tweestap] ${message}`);
const launch: LaunchFacts = { platform: process.platform, execPath: process.execPath, argv: process.argv, defaultApp: Boolean(process.defaultApp), env: process.env, cwd: process.cwd() };
/** setContentProtection has an effect only on Windows and macOS before 15 (ScreenCaptureKit ignores it). */
const contentProtection = contentProtectionWorks(process.platform, process.getSystemVersion());

app.setName('Tweestap');

// The dev server is used only from a checkout, never by a packaged app.
const devServerUrl = !app.isPackaged ? process.env.TWEESTAP_DEV_SERVER_URL : undefined;
const trustedOrigin = (devServerUrl && originOf(devServerUrl)) || APP_ORIGIN;

// Must happen before 'ready': app:// behaves like https (secure context, fetch, a real origin).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);

const deepLinks = new DeepLinkQueue();
let mainWindow: BrowserWindow | null = null;
let tray: Tray | null = null;
let quitting = false;
let capturing = false;
/** Between beginScreenCapture and endScreenCapture: hiding the window then is ours, not a reason to lock. */
let screenScanRunning = false;
/** A scan started from the tray or a shortcut: show the window afterwards even if it was hidden. */
let showAfterScan = false;

if (!app.requestSingleInstanceLock()) {
  // A second launch hands its argv (maybe an otpauth:// link) to the first and leaves.
  app.quit();
} else {
  const protocolClient = protocolClientTarget(launch);
  if (protocolClient) app.setAsDefaultProtocolClient(PROTOCOL_SCHEME, protocolClient.path, protocolClient.args);
  queueDeepLink(() => deepLinkFromArgv(process.argv));
  app.on('second-instance', (_event, argv) => {
    showWindow();
    queueDeepLink(() => deepLinkFromArgv(argv));
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    queueDeepLink(() => validateDeepLink(url));
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, trustedOrigin));
  // `.catch` after `.then`: a failure inside start() must reach fail() too.
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => fail(error));
}

function queueDeepLink(find: () => string | null): void {
  try {
    const link = find();
    if (link !== null) deepLinks.push(link);
  } catch (error) {
    void app.whenReady().then(() => showError(error));
  }
}

async function start(): Promise<void> {
  const env = process.env;
  const dir = dataDir(env);
  // Named in the start-up dialog when it cannot be used (a file in its place, another owner).
  await openDataFolder(dir);
  const settings = await SettingsService.open(dir, log);
  const locale = (): Locale => localeOf(settings.get());
  // Off unless the user turned it on; then locked from the start (node/app-lock.ts).
  const lock = await AppLock.open(dir, systemClock, log);
  watchForLockMoments(lock);

  const rendererRoot = defaultRendererRoot(__dirname);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? await loadRendererFile(rendererRoot, url.pathname) : null;
    return file ? new Response(new Uint8Array(file.body), { headers: file.headers }) : new Response('not found', { status: 404 });
  });
  const guards = installSessionGuards(session.defaultSession, {
    trustedOrigin,
    desktopCapturer,
    primaryDisplayId: () => screen.getPrimaryDisplay().id,
    log,
  });

  const clipboard = new ClipboardGuard(electronClipboard, systemClock);
  const service = createApiService({
    // keytar runs in a utility process (keychain-worker.cjs, next to this bundle): a keytar crash
    // or a stuck keychain call ends that worker, never the app.
    openAccounts: async () => openAccountService(env, { startKeychainWorker: () => startUtilityKeychainWorker(path.join(__dirname, 'keychain-worker.cjs')) }),
    settings,
    clipboard,
    host: electronHost(),
    dataDir: dir,
    clock: systemClock,
    log,
    lock,
  });
  registerIpcHandlers(ipcMain, { service, window: () => mainWindow, trustedOrigin, log });
  forwardEvents(service, () => mainWindow);
  service.onEvent((event) => {
    if (event.type !== 'scan-screen') void refreshTray(service, settings.get(), locale(), lock.locked);
  });

  // Each saved setting on its own: one the OS refuses (a shortcut taken by another program) is
  // reported, and the others still apply.
  for (const failure of await applyShellSettings(settings.get(), null)) {
    log(`setting ${failure.setting} not applied: ${describeError(failure.error)}`);
    showError(failure.error);
  }
  await refreshTray(service, settings.get(), locale(), lock.locked);
  createWindow(settings);

  deepLinks.start({ handle: (link) => addFromDeepLink(service, link, locale()), onError: showError });

  // macOS keeps the app running without windows; the Dock icon brings one back.
  app.on('activate', () => (mainWindow ? showWindow() : createWindow(settings)));
  app.on('before-quit', () => {
    quitting = true;
  });
  // A code still on the clipboard does not outlive the app: the quit waits (1 s at most) for the
  // clearing, whose clipboard calls are asynchronous in Electron 45.
  app.on(
    'will-quit',
    holdQuitUntilDone(
      async () => {
        globalShortcut.unregisterAll();
        await clipboard.flush();
        service.close();
      },
      () => app.quit(),
    ),
  );
  app.on('window-all-closed', () => {
    if (!settings.get().trayEnabled && process.platform !== 'darwin') app.quit();
  });

  function createWindow(store: SettingsService): void {
    const saved = store.windowBounds();
    const win = new BrowserWindow(secureWindowOptions(path.join(__dirname, 'preload.cjs'), restorableBounds(saved, screen.getAllDisplays().map((display) => display.workArea))));
    mainWindow = win;
    if (saved?.maximized) win.maximize();
    if (contentProtection) win.setContentProtection(store.get().hideFromScreenCapture);
    win.once('ready-to-show', () => win.show());
    win.on('close', (event) => {
      const bounds = win.getNormalBounds();
      void store.saveWindowBounds({ ...bounds, maximized: win.isMaximized() });
      // With the tray on, closing keeps the app (and its codes) one click away.
      if (!quitting && store.get().trayEnabled) {
        event.preventDefault();
        win.hide();
      }
    });
    win.on('closed', () => {
      mainWindow = null;
    });
    // A hidden or minimised window locks (when the lock is on), except Tweestap's own hiding for a screen scan.
    win.on('hide', () => {
      if (!screenScanRunning) lock.lock();
    });
    win.on('minimize', () => lock.lock());
    void win.loadURL(devServerUrl ?? APP_ENTRY_URL);
  }

  function electronHost(): HostPort {
    return {
      previewHost: false,
      version: app.getVersion(),
      platform: process.platform,
      waylandSession: process.env.XDG_SESSION_TYPE === 'wayland',
      contentProtection,
      osLocale: () => app.getLocale(),
      // Only URLs of the LINKS allow-list (shared/api.ts) ever reach here.
      openExternal: (url) => shell.openExternal(url),
      async beginScreenCapture() {
        await ensureMediaAccess('screen');
        guards.beginScan('screen');
        screenScanRunning = true;
        capturing = Boolean(mainWindow?.isVisible());
        mainWindow?.hide();
      },
      async endScreenCapture() {
        guards.endScan('screen');
        screenScanRunning = false;
        if (capturing || showAfterScan) showWindow();
        capturing = false;
        showAfterScan = false;
      },
      async beginCameraScan() {
        await ensureMediaAccess('camera');
        guards.beginScan('camera');
      },
      endCameraScan: async () => guards.endScan('camera'),
      systemUnlock: process.platform === 'darwin' && systemPreferences.canPromptTouchID(),
      promptSystemUnlock: () => systemPreferences.promptTouchID(translate(locale(), 'app.lock.unlock')).then(
        () => true,
        () => false,
      ),
      async confirmLockOn() {
        const options = lockOnPrompt(locale());
        const { response } = await (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
        return lockOnConfirmed(response);
      },
      async chooseBackupPath(suggestedName) {
        const options = backupSaveDialogOptions(suggestedName, app.getPath('documents'), locale());
        return chosenBackupPath(await (mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options)));
      },
      // A change from the window: the UI changes one setting at a time, so the first refusal is
      // the answer (and nothing is saved).
      async applySettings(next, previous) {
        const [failure] = await applyShellSettings(next, previous);
        if (failure) throw failure.error;
      },
    };
  }

  /** Applies what changed between `previous` (null at start: everything) and `next`, each on its own. */
  function applyShellSettings(next: Settings, previous: Settings | null) {
    return applySettingChanges(next, previous, {
      globalShortcut: (shortcut, was) => setGlobalShortcut(shortcut, was, showWindow),
      scanShortcut: (shortcut, was) => setGlobalShortcut(shortcut, was, () => requestScreenScan(service)),
      async startAtLogin(enabled) {
        if (!app.isPackaged) return;
        // The file the user started: the portable .exe or the AppImage, not their temporary copies.
        const executable = launchedExecutable(launch);
        if (process.platform === 'linux') await setLinuxAutostart(enabled, executable, env);
        else app.setLoginItemSettings({ openAtLogin: enabled, path: executable });
      },
      hideFromScreenCapture: (hidden) => {
        if (contentProtection) mainWindow?.setContentProtection(hidden);
      },
      // The tray follows on the settings-changed event (refreshTray), once the change is saved.
    });
  }
}

/** Locks after the chosen idle time (checked every 15 s) and when the screen locks or the computer sleeps. */
function watchForLockMoments(lock: AppLock): void {
  setInterval(() => {
    if (idleLockDue(lock.idleMinutes, powerMonitor.getSystemIdleTime())) lock.lock();
  }, 15_000).unref();
  powerMonitor.on('lock-screen', () => lock.lock());
  powerMonitor.on('suspend', () => lock.lock());
}

/**
 * macOS: screen recording and the camera need the user's permission in System Settings; without
 * it the capture yields black frames, read as "no QR code found". Throws the guide instead.
 */
async function ensureMediaAccess(kind: MediaKind): Promise<void> {
  if (process.platform !== 'darwin') return;
  const step = mediaAccessStep(process.platform, kind, systemPreferences.getMediaAccessStatus(kind));
  if (step === 'proceed') return;
  if (step === 'ask' && kind === 'camera' && (await systemPreferences.askForMediaAccess('camera'))) return;
  throw new TweestapError('input', MEDIA_ACCESS_GUIDE[kind]);
}

/** Registers `next` for `action` instead of `previous`; refuses (and keeps `previous`) when the OS says no. */
function setGlobalShortcut(next: string | null, previous: string | null, action: () => void): void {
  if (previous) globalShortcut.unregister(previous);
  if (!next) return;
  let registered = false;
  try {
    registered = globalShortcut.register(next, action);
  } catch {
    registered = false;
  }
  if (!registered) {
    if (previous) globalShortcut.register(previous, action);
    throw new TweestapError('input', 'main.shortcut.unavailable', { shortcut: next });
  }
}

async function refreshTray(service: ApiService, settings: Settings, locale: Locale, locked: boolean): Promise<void> {
  if (!settings.trayEnabled) return destroyTray();
  // A keychain that cannot be read leaves the tray without accounts, not without a menu; a locked app lists none.
  const accounts = locked ? [] : await service.api.listAccounts().catch(() => []);
  if (!tray) {
    const size = process.platform === 'darwin' ? 18 : 32;
    tray = new Tray(nativeImage.createFromBitmap(trayIconBitmap(size), { width: size, height: size }));
    tray.on('click', () => showWindow());
  }
  tray.setToolTip(translate(locale, 'main.tray.tooltip'));
  tray.setContextMenu(
    Menu.buildFromTemplate(
      trayMenuTemplate(accounts, locale, {
        copyCode: (accountId) => void service.dispatch('copyCode', [accountId, Date.now()]),
        show: showWindow,
        scanScreen: () => requestScreenScan(service),
        quit: () => app.quit(),
      }),
    ),
  );
}

/** Asks the renderer to scan the screens (tray menu, shortcut); the window shows the result. */
function requestScreenScan(service: ApiService): void {
  showAfterScan = true;
  service.emit({ type: 'scan-screen' });
}

function destroyTray(): void {
  tray?.destroy();
  tray = null;
}

function showWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

/**
 * Asks the user, listing every account the link would add (deep-link.ts: linkPrompt, Cancel by
 * default), then adds them; duplicates are skipped or kept as both, never replaced.
 */
async function addFromDeepLink(service: ApiService, link: string, locale: Locale): Promise<void> {
  showWindow();
  const prompt = linkPrompt(await service.previewLink(link), locale);
  const { title, message, detail, buttons, defaultId, cancelId } = prompt;
  const { response } = await dialog.showMessageBox({ type: 'question', title, message, detail, buttons, defaultId, cancelId, noLink: true });
  const choice = prompt.choices[response] ?? 'cancel';
  if (choice !== 'cancel') await service.addFromLink(link, choice);
}

function localeOf(settings: Settings): Locale {
  return settings.language === 'system' ? localeFromTag(app.getLocale()) : settings.language;
}

function showError(error: unknown): void {
  const message = error instanceof TweestapError ? translate(localeFromTag(app.getLocale()), error.key, error.params) : translate('en', 'main.internal');
  if (!(error instanceof TweestapError)) log(describeError(error));
  dialog.showErrorBox('Tweestap', message);
}

function fail(error: unknown): void {
  log(`start failed: ${describeError(error)}`);
  showError(error);
  app.exit(1);
}
