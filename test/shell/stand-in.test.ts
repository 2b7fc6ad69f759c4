/**
 * Each part of the Electron stand-in does what its Electron 45 doc says (the part's header names
 * the section). Parts without a browser are tested here in-process; the app lifecycle and
 * utilityProcess through tiny main scripts (./fixtures) run on the stand-in like main.cjs is.
 * BrowserWindow, the preload bridge, protocol.handle, session and desktopCapturer are proven
 * through the real main in app.test.ts.
 */
import { fork, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { localeFromEnv, xdgUserDir } from './stand-in/app';
import { chromiumSwitches, MEDIA_ARGS } from './stand-in/chromium';
import { clipboard } from './stand-in/clipboard';
import { answerDialog, dialog, shownDialogs } from './stand-in/dialog';
import { globalShortcut, normalizeAccelerator, pressShortcut } from './stand-in/global-shortcut';
import { ipcMain } from './stand-in/ipc-main';
import { StandInMenu } from './stand-in/menu';
import { nativeImage } from './stand-in/native-image';
import { protocol, startProtocolServer, stopProtocolServer, toAppUrl, toChromiumUrl } from './stand-in/protocol';
import type { StandInWebFrameMain } from './stand-in/web-frame-main';

const REGISTER = join(import.meta.dirname, 'stand-in/register.cjs');

/** Runs a fixture main script on the stand-in; its output lines and exit code. */
function runMain(script: string): Promise<{ lines: string[]; code: number | null }> {
  return new Promise((resolve) => {
    const child = fork(join(import.meta.dirname, 'fixtures', script), [], { execArgv: ['--require', REGISTER], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    let out = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.once('exit', (code) => resolve({ lines: out.split('\n').filter(Boolean), code }));
  });
}

describe('chromium', () => {
  test('no fake media device or fake media UI by default (either replaces or breaks the real X screen capture); switches on main\'s command line reach Chromium', () => {
    expect(MEDIA_ARGS).toEqual(['--auto-select-desktop-capture-source=Entire screen']);
    const argv = ['--use-fake-device-for-media-stream', '--use-file-for-fake-video-capture=/tmp/film.y4m', 'otpauth://totp/A?secret=JBSWY3DPEHPK3PXP', '/some/path', '-x'];
    expect(chromiumSwitches(argv)).toEqual(['--use-fake-device-for-media-stream', '--use-file-for-fake-video-capture=/tmp/film.y4m']);
  });
});

describe('app (app.md)', () => {
  test("will-quit's preventDefault holds the quit until quit() is called again; then quit and exit 0", async () => {
    const { lines, code } = await runMain('lifecycle-main.cjs');
    expect(lines).toEqual(['ready', 'before-quit', 'will-quit 1', 'still running', 'before-quit', 'will-quit 2', 'quit 0']);
    expect(code).toBe(0);
  });

  test("getPath('documents'|'downloads'|'desktop') follows the XDG user directories, ~/Documents etc. without them", () => {
    const config = mkdtempSync(join(tmpdir(), 'stand-in-xdg-'));
    try {
      expect(xdgUserDir('documents', config, '/home/anna')).toBe('/home/anna/Documents');
      writeFileSync(join(config, 'user-dirs.dirs'), 'XDG_DOCUMENTS_DIR="$HOME/Documenten"\nXDG_DOWNLOAD_DIR="/data/dl"\n');
      expect(xdgUserDir('documents', config, '/home/anna')).toBe('/home/anna/Documenten');
      expect(xdgUserDir('downloads', config, '/home/anna')).toBe('/data/dl');
      expect(xdgUserDir('desktop', config, '/home/anna')).toBe('/home/anna/Desktop');
    } finally {
      rmSync(config, { recursive: true, force: true });
    }
  });

  test('getLocale follows the POSIX locale, en-US without one', () => {
    expect(localeFromEnv({ LANG: 'nl_NL.UTF-8' })).toBe('nl-NL');
    expect(localeFromEnv({ LC_ALL: 'C' })).toBe('en-US');
    expect(localeFromEnv({})).toBe('en-US');
  });
});

describe('utilityProcess (utility-process.md, parent-port.md)', () => {
  test('fork only after ready; parentPort round trip with structured clone; kill ends it', async () => {
    const { lines, code } = await runMain('utility-main.cjs');
    expect(lines[0]).toBe('before ready: utilityProcess cannot be created before app is ready.');
    expect(lines).toContain('spawn number');
    expect(lines).toContain('message {"echo":"world","date":true,"argv":["--flag"],"type":"utility"}');
    expect(lines).toContain('kill true');
    expect(lines.at(-1)).toBe('exit 143 pid undefined');
    expect(code).toBe(0);
  });
});

describe('protocol (protocol.md)', () => {
  test("a handled scheme's requests reach the handler with the app:// URL; its status and headers come back", async () => {
    let seen = '';
    protocol.handle('app', (req) => {
      seen = req.url;
      return new Response('hello', { status: 203, headers: { 'Content-Security-Policy': "default-src 'self'" } });
    });
    await startProtocolServer();
    try {
      const mapped = toChromiumUrl('app://tweestap/index.html?x=1');
      expect(mapped).toMatch(/^http:\/\/tweestap\.app\.localhost:\d+\/index\.html\?x=1$/);
      expect(toAppUrl(mapped)).toBe('app://tweestap/index.html?x=1');
      expect(toAppUrl('https://example.com/')).toBe('https://example.com/');
      const url = new URL(mapped);
      const response = await new Promise<{ status: number; csp: unknown; body: string }>((resolve, reject) => {
        request({ host: '127.0.0.1', port: url.port, path: url.pathname + url.search, headers: { host: url.host } }, (res) => {
          let body = '';
          res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, csp: res.headers['content-security-policy'], body }));
        })
          .on('error', reject)
          .end();
      });
      expect(response).toEqual({ status: 203, csp: "default-src 'self'", body: 'hello' });
      expect(seen).toBe('app://tweestap/index.html?x=1');
    } finally {
      protocol.unhandle('app');
      await stopProtocolServer();
    }
  });
});

describe('ipcMain (ipc-main.md)', () => {
  const frame = { url: 'app://tweestap/index.html', processId: 7, routingId: 3 } as unknown as StandInWebFrameMain;

  test('one handler per channel; the event carries the sender frame; an error reaches the renderer as its message', async () => {
    ipcMain.handle('probe', (event: unknown, value: unknown) => ({ frame: (event as { senderFrame: unknown }).senderFrame, value }));
    expect(() => ipcMain.handle('probe', () => null)).toThrow("Attempted to register a second handler for 'probe'");
    expect(await ipcMain.invoke({}, frame, 'probe', [42])).toEqual({ ok: true, value: { frame, value: 42 } });
    ipcMain.removeHandler('probe');
    ipcMain.handle('probe', () => {
      throw new TypeError('no such account');
    });
    expect(await ipcMain.invoke({}, frame, 'probe', [])).toEqual({ ok: false, message: 'TypeError: no such account' });
    expect(await ipcMain.invoke({}, frame, 'nobody', [])).toEqual({ ok: false, message: "Error: No handler registered for 'nobody'" });
    ipcMain.removeHandler('probe');
  });
});

describe('globalShortcut (global-shortcut.md)', () => {
  test('registers accelerators, refuses ones taken by another application, throws on non-accelerators, presses', () => {
    process.env.ELECTRON_STAND_IN_TAKEN_SHORTCUTS = 'Ctrl+Alt+T';
    try {
      let pressed = 0;
      expect(globalShortcut.register('CommandOrControl+Alt+S', () => pressed++)).toBe(true);
      expect(globalShortcut.isRegistered('Alt+Ctrl+S')).toBe(true);
      expect(globalShortcut.register('CmdOrCtrl+Alt+T', () => undefined)).toBe(false);
      expect(() => globalShortcut.register('Ctrl+Banana', () => undefined)).toThrow(/conversion failure/);
      pressShortcut('Ctrl+Alt+S');
      expect(pressed).toBe(1);
      globalShortcut.unregisterAll();
      expect(() => pressShortcut('Ctrl+Alt+S')).toThrow(/no global shortcut/);
      expect(normalizeAccelerator('Shift+F12')).toBe('Shift+F12');
    } finally {
      delete process.env.ELECTRON_STAND_IN_TAKEN_SHORTCUTS;
    }
  });
});

describe('Menu (menu.md, menu-item.md)', () => {
  test('items are clicked by the label the user reads; disabled ones cannot be', () => {
    const clicked: string[] = [];
    const menu = StandInMenu.buildFromTemplate([
      { label: 'Bank && Co', click: () => clicked.push('bank') },
      { label: 'Nothing', enabled: false, click: () => clicked.push('nothing') },
      { type: 'separator' },
      { label: '&Quit', click: () => clicked.push('quit') },
    ]);
    expect(menu.describe()).toEqual(['Bank & Co', 'Nothing (disabled)', '---', 'Quit']);
    menu.find('Bank & Co')!.click();
    menu.find('Quit')!.click();
    expect(() => menu.find('Nothing')!.click()).toThrow(/disabled/);
    expect(clicked).toEqual(['bank', 'quit']);
  });
});

describe('dialog (dialog.md)', () => {
  test('a message box waits for the user; the window argument is optional; answers can come ahead', async () => {
    const box = dialog.showMessageBox({ type: 'question', message: 'Add?', buttons: ['Add', 'Cancel'] });
    const pending = shownDialogs().at(-1)!;
    expect(pending).toMatchObject({ kind: 'messageBox', window: null, answer: null });
    answerDialog(pending.id, { response: 1 });
    expect(await box).toEqual({ response: 1, checkboxChecked: false });
    answerDialog(null, { canceled: true });
    expect(await dialog.showSaveDialog({ id: 3 } as never, { defaultPath: 'x.backup' })).toEqual({ canceled: true, filePath: '' });
    expect(shownDialogs().at(-1)).toMatchObject({ kind: 'save', window: 3 });
    dialog.showErrorBox('Tweestap', 'It broke');
    expect(shownDialogs().at(-1)).toMatchObject({ kind: 'errorBox', options: { title: 'Tweestap', content: 'It broke' } });
  });
});

describe('nativeImage (native-image.md)', () => {
  test('createFromBitmap keeps the size and gives the pixels back', () => {
    const pixels = Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]);
    const image = nativeImage.createFromBitmap(pixels, { width: 2, height: 1 });
    expect(image.getSize()).toEqual({ width: 2, height: 1 });
    expect(image.toBitmap()).toEqual(pixels);
    expect(image.isEmpty()).toBe(false);
  });
});

describe('clipboard (clipboard.md, breaking-changes.md)', () => {
  test.skipIf(!process.env.DISPLAY)('writeText and readText return Promises over the real X clipboard', async () => {
    const written = clipboard.writeText('stand-in 123456');
    expect(written).toBeInstanceOf(Promise);
    await written;
    const xclip = await new Promise<string>((resolve) => {
      const child = spawn('xclip', ['-selection', 'clipboard', '-o'], { stdio: ['ignore', 'pipe', 'ignore'] });
      let text = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      child.on('close', () => resolve(text));
    });
    expect(xclip).toBe('stand-in 123456');
    expect(await clipboard.readText()).toBe('stand-in 123456');
  });

  test.skipIf(!process.env.DISPLAY)('read() gives a PNG another program copied as an image/png ClipboardItem, and text as text/plain', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const copy = (data: Buffer | string, type?: string) =>
      new Promise<void>((resolve) => {
        const child = spawn('xclip', ['-selection', 'clipboard', ...(type ? ['-t', type] : []), '-i'], { stdio: ['pipe', 'ignore', 'ignore'] });
        child.on('exit', () => resolve());
        child.stdin.end(data);
      });
    await copy(png, 'image/png');
    const [image] = await clipboard.read();
    expect(image?.types).toContain('image/png');
    expect(Buffer.from(await ((await image!.getType('image/png')) as Blob).arrayBuffer())).toEqual(png);
    await copy('just text');
    const [text] = await clipboard.read();
    expect(text?.types).toEqual(['text/plain']);
    expect(await ((await text!.getType('text/plain')) as Blob).text()).toBe('just text');
  });
});
