/**
 * The real built main process (dist/electron/main.cjs) and preload (preload.cjs), on the Electron
 * stand-in (or the real Electron with TWEESTAP_ELECTRON=real; see ./launch.ts), with the real
 * keychain (with-keyring.sh), Chromium, X clipboard and files: what the preview host could not
 * prove. A failing spec here is a shell bug unless the stand-in misreads the Electron docs.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import QRCode from 'qrcode';
import { describe, expect, test } from 'vitest';
import { decryptBackup } from '../../node/backup';
import type { AccountView, CodeView, TweestapApi } from '../../shared/api';
import { pendingDialog, ROOT, showInOwnWindow, useShell, type ShellApp } from './launch';
import type { StandInState } from './stand-in/control';

const shell = useShell();

const SECRET = 'JBSWY3DPEHPK3PXP';
const URI = `otpauth://totp/Shell%20Bank:anna%40example.nl?secret=${SECRET}&issuer=Shell%20Bank&period=30`;

/** The TOTP code of SECRET at `atMs`, from oathtool (an implementation we did not write). */
function oathtool(atMs: number, secret = SECRET): string {
  return execFileSync('oathtool', ['--totp', '-b', secret, '-N', `@${Math.floor(atMs / 1000)}`], { encoding: 'utf8' }).trim();
}

/** Calls window.tweestap (the real preload's bridge) in the page; throws on an error result. */
async function api<M extends keyof TweestapApi>(page: Page, method: M, ...args: unknown[]): Promise<Awaited<ReturnType<TweestapApi[M]>>> {
  const result = await page.evaluate(
    async ([name, params]) => (window as unknown as { tweestap: Record<string, (...a: unknown[]) => Promise<unknown>> }).tweestap[name]!(...params),
    [method, args] as const,
  );
  const typed = result as { ok: boolean; value?: unknown; error?: { key: string } };
  if (!typed.ok) throw new Error(`${method} failed: ${typed.error?.key}`);
  return typed.value as Awaited<ReturnType<TweestapApi[M]>>;
}

describe('start-up and the bridge through main', () => {
  test('the first window shows the app, with window.tweestap from the real preload and nothing else of Electron', async () => {
    const app = await shell.start();
    const page = await app.mainWindow();
    const bridge = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return { keys: Object.keys((w.tweestap as object) ?? {}).sort(), require: typeof w.require, ipcRenderer: typeof w.ipcRenderer, process: typeof w.process };
    });
    expect(bridge.keys).toContain('listAccounts');
    expect(bridge.keys).toContain('onEvent');
    expect(bridge).toMatchObject({ require: 'undefined', ipcRenderer: 'undefined', process: 'undefined' });
    if (app.kind === 'stand-in') {
      const state = await app.state();
      expect(state.windows).toHaveLength(1);
      expect(state.windows[0]).toMatchObject({ visible: true, url: 'app://tweestap/index.html' });
      const privileged = state.calls.find((call) => call.method === 'registerSchemesAsPrivileged');
      expect(privileged?.args[1]).toEqual({ beforeReady: true });
    }
  });

  test("main's app:// handler serves the page with its CSP", async () => {
    const app = await shell.start();
    const page = await app.mainWindow();
    const response = await page.reload();
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(response?.headers()['x-content-type-options']).toBe('nosniff');
  });

  test('an account added through the bridge is in the keychain-backed list, and its code matches oathtool in the UI', async () => {
    const app = await shell.start();
    const page = await app.mainWindow();
    const added = await api(page, 'addFromUri', URI, 'ask');
    expect(added).toMatchObject({ status: 'added' });
    const accounts = (await api(page, 'listAccounts')) as AccountView[];
    const account = accounts.find((candidate) => candidate.issuer === 'Shell Bank');
    expect(account).toMatchObject({ account: 'anna@example.nl', secretMissing: false });
    const at = Date.now();
    const codes = (await api(page, 'codes', at)) as CodeView[];
    expect(codes.find((code) => code.accountId === account!.id)?.code).toBe(oathtool(at));
    const shown = page.locator('.account-row', { has: page.locator('.issuer', { hasText: 'Shell Bank' }) }).getByTestId('code');
    await expect.poll(async () => ((await shown.textContent()) ?? '').replace(/\s/g, ''), { timeout: 10_000 }).toBe(oathtool(Date.now()));
  });
});

describe("Chromium's own data (app.md getPath 'sessionData')", () => {
  test('Chromium keeps its profile in userData, after quit too; the stand-in records what main hands the window', async () => {
    const app = await shell.start();
    const page = await app.mainWindow();
    await page.evaluate(() => localStorage.setItem('tweestap-probe', 'kept'));
    await api(page, 'listAccounts');
    if (app.kind === 'stand-in') {
      const replies = (await app.delivered()).filter((message) => message.kind === 'reply' && message.channel === 'tweestap:listAccounts');
      expect(replies.at(-1)?.json).toMatch(/^\{"ok":true,"value":\[/);
    }
    await app.quit();
    expect(await app.exited).toBe(0);
    const userData = join(shell.configHome, 'Tweestap');
    expect(existsSync(join(userData, 'Default', 'Local Storage'))).toBe(true);
  });
});

describe('a damaged install', () => {
  /** The built app copied without the renderer files `missing` matches (a half-updated or damaged install); returns its main.cjs and folder. */
  function damagedCopy(missing: RegExp): { main: string; cwd: string } {
    const root = mkdtempSync(join(shell.configHome, 'damaged-'));
    cpSync(join(ROOT, 'dist', 'electron'), join(root, 'dist', 'electron'), { recursive: true });
    cpSync(join(ROOT, 'dist', 'renderer'), join(root, 'dist', 'renderer'), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(root, 'package.json'));
    symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
    const assets = join(root, 'dist', 'renderer', 'assets');
    const removed = readdirSync(assets).filter((name) => missing.test(name));
    expect(removed.length).toBeGreaterThan(0);
    for (const name of removed) rmSync(join(assets, name));
    return { main: join(root, 'dist', 'electron', 'main.cjs'), cwd: root };
  }

  test("a dialog whose code is missing shows a notice instead of a blank window; closing it leaves the app working", async () => {
    const app = await shell.start({ ...damagedCopy(/^dialog-chunk-.*\.js$/), env: { LANG: 'en_GB.UTF-8', LC_ALL: 'en_GB.UTF-8' } });
    const page = await app.mainWindow();
    await page.getByRole('button', { name: 'Settings' }).click();
    const notice = page.getByRole('alert').filter({ hasText: 'This part of Tweestap could not be loaded' });
    await notice.waitFor({ timeout: 10_000 });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Close');
    await page.keyboard.press('Enter');
    await expect.poll(() => notice.count()).toBe(0);
    // The rest of the window still works: an account added now is listed.
    await api(page, 'addFromUri', link('After Damage', 'MFRGGZDFMZTWQ2LK'), 'ask');
    await page.locator('.account-row', { hasText: 'After Damage' }).waitFor({ timeout: 10_000 });
  });

  test('without its messages the window says so in both languages instead of staying blank', async () => {
    const app = await shell.start({ ...damagedCopy(/^messages\.\w+\.json$/), env: { LANG: 'nl_NL.UTF-8', LC_ALL: 'nl_NL.UTF-8' } });
    const page = await app.mainWindow();
    await page.getByRole('alert').filter({ hasText: 'Tweestap kan zijn teksten niet laden' }).waitFor({ timeout: 10_000 });
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Tweestap cannot load its texts' }).count()).toBe(1);
  });
});

/** Reads the X clipboard. */
function readClipboard(): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn('xclip', ['-selection', 'clipboard', '-o'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let text = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    child.on('close', (status) => resolve(status === 0 ? text : ''));
  });
}

/** A link of a made-up test account. */
function link(issuer: string, secret: string): string {
  return `otpauth://totp/${encodeURIComponent(issuer)}:tester%40example.nl?secret=${secret}&issuer=${encodeURIComponent(issuer)}&period=30`;
}

/** Adds a made-up test account through the bridge and returns it as main lists it. */
async function addAccount(page: Page, issuer: string, secret: string): Promise<AccountView> {
  await api(page, 'addFromUri', link(issuer, secret), 'ask');
  return ((await api(page, 'listAccounts')) as AccountView[]).find((candidate) => candidate.issuer === issuer)!;
}

async function issuers(page: Page): Promise<string[]> {
  return ((await api(page, 'listAccounts')) as AccountView[]).map((account) => account.issuer);
}

/** Waits for the next message box main shows that is still unanswered. */
async function pendingMessageBox(app: ShellApp): Promise<StandInState['dialogs'][number]> {
  let found: StandInState['dialogs'][number] | undefined;
  await expect.poll(async () => (found = (await app.state()).dialogs.find((dialog) => dialog.kind === 'messageBox' && dialog.answer === null)), { timeout: 20_000 }).toBeDefined();
  return found!;
}

/** Waits for main to exit by itself; null when it is still running after `ms`. */
function exitWithin(app: ShellApp, ms: number): Promise<number | null | 'running'> {
  return Promise.race([app.exited, new Promise<'running'>((done) => setTimeout(() => done('running'), ms))]);
}

describe('the renderer can only be served by our own frame', () => {
  test('a call from a child frame of our window is refused by main (ipc.ts sender check)', async () => {
    const app = await shell.start();
    const page = await app.mainWindow();
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('iframe'), { src: 'about:blank' })));
    const child = page.frames().find((frame) => frame !== page.mainFrame());
    expect(child).toBeDefined();
    // The raw channel of the stand-in, as a compromised renderer would use it from that frame.
    const reply = (await child!.evaluate(() => (window as unknown as { __electronStandIn(message: unknown): Promise<unknown> }).__electronStandIn({ type: 'invoke', channel: 'tweestap:listAccounts', args: [] }))) as { ok: boolean; value: { ok: boolean; error?: { key: string } } };
    expect(reply.value).toMatchObject({ ok: false, error: { key: 'main.ipc.untrustedSender' } });
    expect(app.output()).toContain('refused listAccounts from an untrusted sender');
  });

  test('the preload on a foreign page in our window gets refused too', async () => {
    const app = await shell.start();
    const page = await app.mainWindow();
    // A navigation main did not make (the renderer's own guards are bypassed by the test).
    await page.goto('data:text/html,<p>not Tweestap</p>');
    const result = await page.evaluate(() => (window as unknown as { tweestap: { listAccounts(): Promise<unknown> } }).tweestap.listAccounts());
    expect(result).toMatchObject({ ok: false, error: { key: 'main.ipc.untrustedSender' } });
  });
});

describe('navigation (web-contents.md will-navigate)', () => {
  test('the page cannot navigate its window away from the app: main prevents it before any request leaves', async () => {
    const app = await shell.start();
    const page = await app.mainWindow();
    const appUrl = page.url();
    await page.evaluate(() => void (window.location.href = 'https://evil.example/steal'));
    // Give the navigation its chance; it must not happen.
    await page.waitForTimeout(500);
    expect(page.url()).toBe(appUrl);
    await page.locator('.app-header, .keychain-problem').first().waitFor({ timeout: 2_000 });
    if (app.kind === 'stand-in') {
      const navigations = (await app.state()).calls.filter((call) => call.method === 'will-navigate');
      expect(navigations.map((call) => call.args.slice(1))).toContainEqual(['https://evil.example/steal', 'prevented']);
      // Stopped by will-navigate, so main's request guard never saw it.
      expect(app.output()).not.toContain('refused a request (https:)');
    }
  });
});

describe('the keychain worker (utilityProcess)', () => {
  test('keytar runs in the worker; killed, the next call starts a new one', async () => {
    const app = await shell.start();
    const page = await app.mainWindow();
    await api(page, 'addFromUri', link('Worker One', 'KRSXG5CTMVRXEZLU'), 'ask');
    const worker = (await app.state()).utilityProcesses.find((child) => child.serviceName === 'Tweestap keychain');
    expect(worker?.modulePath).toMatch(/dist[/\\]electron[/\\]keychain-worker\.cjs$/);
    process.kill(worker!.pid!, 'SIGKILL');
    await expect.poll(async () => (await app.state()).utilityProcesses.length).toBe(0);
    await api(page, 'addFromUri', link('Worker Two', 'MZXW6YTBOI2TKNJV'), 'ask');
    const next = (await app.state()).utilityProcesses.find((child) => child.serviceName === 'Tweestap keychain');
    expect(next?.pid).toBeTypeOf('number');
    expect(next?.pid).not.toBe(worker!.pid);
    expect(await issuers(page)).toEqual(expect.arrayContaining(['Worker One', 'Worker Two']));
  });
});

describe('quit', () => {
  test('a copied code is gone from the X clipboard once the app has quit', async () => {
    const app = await shell.start();
    const page = await app.mainWindow();
    const account = await addAccount(page, 'Clip Bank', 'GEZDGNBVGY3TQOJQ');
    const copied = (await api(page, 'copyCode', account.id, Date.now())) as { code: string };
    await expect.poll(readClipboard).toBe(copied.code);
    await app.quit();
    expect(await exitWithin(app, 20_000)).toBe(0);
    expect(await readClipboard()).not.toBe(copied.code);
  });
});

describe('deep links', () => {
  test('a second start with an otpauth link hands it to the first, which asks and adds it', async () => {
    const first = await shell.start();
    const page = await first.mainWindow();
    const second = await shell.start({ argv: [link('Deep Second', 'ONSWG4TFOQ======')] });
    expect(await exitWithin(second, 20_000)).toBe(0);
    const asked = await pendingMessageBox(first);
    expect(asked.options).toMatchObject({ type: 'question', buttons: ['Add', 'Cancel'] });
    await first.answerDialog(asked.id, { response: 0 });
    await expect.poll(() => issuers(page)).toContain('Deep Second');
  });

  test('open-url asks; Cancel adds nothing, Add adds it', async () => {
    const app = await shell.start();
    const page = await app.mainWindow();
    const url = link('Deep Open', 'MFRGGZDFMZTWQ2LK');
    await app.openUrl(url);
    await app.answerDialog((await pendingMessageBox(app)).id, { response: 1 });
    await new Promise((done) => setTimeout(done, 1_000));
    expect(await issuers(page)).not.toContain('Deep Open');
    await app.openUrl(url);
    await app.answerDialog((await pendingMessageBox(app)).id, { response: 0 });
    await expect.poll(() => issuers(page)).toContain('Deep Open');
  });
});

describe('the window', () => {
  test('its size and position come back at the next start', async () => {
    const first = await shell.start();
    await first.mainWindow();
    const [win] = (await first.state()).windows;
    const moved = { x: 160, y: 90, width: 520, height: 640 };
    await first.setWindowBounds(win!.id, moved);
    await first.quit();
    expect(await exitWithin(first, 20_000)).toBe(0);
    const second = await shell.start();
    await second.mainWindow();
    const [again] = (await second.state()).windows;
    expect(again!.options).toMatchObject(moved);
    expect(again!.normalBounds).toEqual(moved);
  });
});

describe('tray and global shortcut scan the screen', () => {
  /** Shows a QR code of `uri` in a window of its own on the X screen, as a browser would. */
  async function showQrOnScreen(page: Page, uri: string): Promise<Page> {
    const image = await QRCode.toDataURL(uri, { margin: 4, scale: 6 });
    return showInOwnWindow(page, `<body style="margin:0;background:#fff"><img src="${image}" alt="" style="margin:200px"></body>`);
  }

  test('tray → "Scan QR code from screen" adds the account shown on the screen', async () => {
    const app = await shell.start();
    const page = await app.mainWindow();
    await api(page, 'updateSettings', { trayEnabled: true });
    await expect.poll(async () => (await app.state()).tray?.menu).toContain('Scan QR code from screen');
    const qr = await showQrOnScreen(page, link('Tray Scan', 'NBSWY3DPO5XXE3DE'));
    await app.clickTrayMenuItem('Scan QR code from screen');
    await page.getByTestId('added-screen').waitFor({ timeout: 30_000 });
    expect(await issuers(page)).toContain('Tray Scan');
    await qr.close();
  });

  test('the scan shortcut adds the account shown on the screen', async () => {
    const app = await shell.start();
    const page = await app.mainWindow();
    await api(page, 'updateSettings', { scanShortcut: 'CommandOrControl+Alt+Q' });
    await expect.poll(async () => (await app.state()).shortcuts).toContain('Alt+CommandOrControl+Q');
    const qr = await showQrOnScreen(page, link('Shortcut Scan', 'OBQXG43XN5ZGIZDF'));
    await app.pressShortcut('CommandOrControl+Alt+Q');
    await page.getByTestId('added-screen').waitFor({ timeout: 30_000 });
    expect(await issuers(page)).toContain('Shortcut Scan');
    await qr.close();
  });
});

/** Waits for main's next unanswered dialog of `kind`. */

describe('backup: main asks where with its save dialog and writes the file', () => {
  const PASSWORD = 'correct horse 42';

  /** Settings → Back up…, the password twice, Make backup: main then shows its save dialog. */
  async function makeBackup(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Back up…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Back up your accounts' });
    await dialog.getByLabel('Password for the backup').fill(PASSWORD);
    await dialog.getByLabel('Type the password again').fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Make backup' }).click();
  }

  test('cancelled: no file, no "backup made", and the window says so', async () => {
    const app = await shell.start();
    const page = await app.mainWindow();
    await api(page, 'addFromUri', link('Backup Cancel', 'GEZDGNBVGY3TQOJQ'), 'ask');
    await makeBackup(page);
    const save = await pendingDialog(app, 'save');
    const options = save.options as { defaultPath: string; filters: { extensions: string[] }[] };
    expect(save.window).toBe((await app.state()).windows[0]!.id);
    expect(options.defaultPath).toMatch(/tweestap-backup-\d{4}-\d{2}-\d{2}\.tweestap$/);
    expect(options.filters[0]!.extensions).toEqual(['tweestap']);
    await app.answerDialog(save.id, { canceled: true });
    await page.getByText('No backup was made: you closed the save window').waitFor();
    expect(existsSync(options.defaultPath)).toBe(false);
    expect(await api(page, 'backupStatus')).toMatchObject({ lastBackupAt: null });
  });

  test('saved: the chosen file (.tweestap added) exists, mode 0600, and decrypts with the password', async () => {
    const app = await shell.start();
    const page = await app.mainWindow();
    await api(page, 'addFromUri', link('Backup Saved', 'MFRGGZDFMZTWQ2LK'), 'ask');
    const folder = mkdtempSync(join(shell.configHome, 'backups-'));
    const before = Date.now();
    await makeBackup(page);
    const save = await pendingDialog(app, 'save');
    // A name typed without an extension, as a Linux save dialog returns it.
    await app.answerDialog(save.id, { canceled: false, filePath: join(folder, 'my-backup') });
    await page.getByText('Your backup is saved as my-backup.tweestap.').waitFor();
    const file = join(folder, 'my-backup.tweestap');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const contents = await decryptBackup(readFileSync(file), PASSWORD);
    expect(contents.accounts).toEqual(expect.arrayContaining([expect.objectContaining({ issuer: 'Backup Saved', account: 'tester@example.nl', secret: 'MFRGGZDFMZTWQ2LK' })]));
    await expect(decryptBackup(readFileSync(file), 'wrong password')).rejects.toMatchObject({ key: 'backup.wrongPassword' });
    const status = (await api(page, 'backupStatus')) as { lastBackupAt: number | null };
    expect(status.lastBackupAt).toBeGreaterThanOrEqual(before - 1_000);
    expect(readdirSync(folder)).toEqual(['my-backup.tweestap']);
  });
});

/** The pid of the Secret Service (the gnome-keyring-daemon of with-keyring.sh). */
function secretServicePid(): number {
  const reply = execFileSync('dbus-send', ['--session', '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.GetConnectionUnixProcessID', 'string:org.freedesktop.secrets'], { encoding: 'utf8' });
  const pid = Number(/uint32 (\d+)/.exec(reply)?.[1]);
  if (!pid) throw new Error(`no Secret Service on the session bus: ${reply}`);
  return pid;
}

describe('a frozen keyring', () => {
  test('a call that needs the keychain fails with the timeout message within its 8 s, and works again once the keyring answers', async () => {
    const app = await shell.start();
    const page = await app.mainWindow();
    const account = await addAccount(page, 'Frozen Bank', 'KRUGS4ZANFZSA5DI');
    const pid = secretServicePid();
    process.kill(pid, 'SIGSTOP');
    let elapsed: number;
    let result: { ok: boolean; error?: { key: string } };
    try {
      const started = Date.now();
      result = (await page.evaluate(() => (window as unknown as { tweestap: Record<string, (...a: unknown[]) => Promise<unknown>> }).tweestap.addFromUri!(
        'otpauth://totp/Frozen%20Two:tester%40example.nl?secret=ONSWG4TFOQ&issuer=Frozen%20Two', 'ask'))) as typeof result;
      elapsed = Date.now() - started;
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    expect(result).toMatchObject({ ok: false, error: { key: 'vault.keychainTimeout.linux' } });
    // The keychain's bound is 8 s (node/keychain/keychain.ts); the worker's start and IPC add little.
    expect(elapsed).toBeGreaterThanOrEqual(7_000);
    expect(elapsed).toBeLessThan(12_000);
    // Nothing was changed, and the keyring answers again.
    expect(await issuers(page)).not.toContain('Frozen Two');
    const copied = (await api(page, 'copyCode', account.id, Date.now())) as { code: string };
    expect(copied.code).toBe(oathtool(Date.now(), 'KRUGS4ZANFZSA5DI'));
  });
});

describe("the camera: main's session permission handler decides", () => {
  /** getUserMedia in the page: 'live', or the error's name. */
  const ask = (page: Page, constraints: MediaStreamConstraints) =>
    page.evaluate(async (wanted) => {
      try {
        const stream = await navigator.mediaDevices.getUserMedia(wanted);
        const state = stream.getVideoTracks()[0]?.readyState ?? 'no video';
        for (const track of stream.getTracks()) track.stop();
        return state;
      } catch (error) {
        return (error as DOMException).name;
      }
    }, constraints);

  test('refused outside a camera scan; during one, video is granted and the fake camera plays, the microphone never', async () => {
    // Chromium's fake camera, passed on main's command line as one would to Electron.
    const app = await shell.start({ argv: ['--use-fake-device-for-media-stream'] });
    const page = await app.mainWindow();
    expect(await ask(page, { video: true })).toBe('NotAllowedError');
    await page.getByRole('button', { name: 'Add account', exact: true }).first().click();
    await page.getByRole('button', { name: 'Scan with the webcam' }).click();
    await expect.poll(() => page.evaluate(() => [...document.querySelectorAll('video')].some((video) => video.videoWidth > 0)), { timeout: 20_000 }).toBe(true);
    // During the scan: video only.
    expect(await ask(page, { video: true, audio: true })).toBe('NotAllowedError');
    expect(await ask(page, { video: true })).toBe('live');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => ask(page, { video: true })).toBe('NotAllowedError');
  });
});

describe('a start-up failure', () => {
  test('shows an error dialog and exits non-zero (TWEESTAP_HOME is a file)', async () => {
    const file = join(shell.configHome, 'not-a-folder');
    writeFileSync(file, 'x');
    const stateFile = join(shell.configHome, 'failed-start.json');
    const app = await shell.start({ home: file, env: { ELECTRON_STAND_IN_STATE_FILE: stateFile } });
    const code = await exitWithin(app, 20_000);
    expect(code, `main did not exit; output:\n${app.output()}`).not.toBe('running');
    expect(code).not.toBe(0);
    expect(existsSync(stateFile)).toBe(true);
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as StandInState;
    const errorBoxes = state.dialogs.filter((dialog) => dialog.kind === 'errorBox');
    expect(errorBoxes).toHaveLength(1);
    // The user is told which folder, not only that something went wrong.
    expect(JSON.stringify(errorBoxes[0])).toContain(file);
  });
});
