/**
 * The Chromium behind every stand-in BrowserWindow: Debian's /usr/bin/chromium through
 * playwright-core, one persistent profile per app run, headed when there is a display (screen
 * capture needs one; run under test/e2e/with-display.sh). Not an Electron part: the engine the
 * parts share. It also opens a DevTools port so the test can attach with connectOverCDP. The tab
 * Chromium starts with is kept, off the screen, so the browser outlives the app's last window.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** The same flags as test/e2e/harness.ts CHROMIUM_ARGS (stand-in.test.ts checks they agree). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Media flags: Chromium's fake camera, and "Entire screen" picked without a picker (Xvfb has one screen). */
const MEDIA_ARGS = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--auto-select-desktop-capture-source=Entire screen'];

/** What Chromium reports about the screen (window.screen), for the screen part. */
export interface ScreenInfo {
  width: number;
  height: number;
  availLeft: number;
  availTop: number;
  availWidth: number;
  availHeight: number;
  colorDepth: number;
  scaleFactor: number;
}

export interface Engine {
  context: BrowserContext;
  /** http://127.0.0.1:<port>, for chromium.connectOverCDP in the test. */
  cdpEndpoint: string;
  screen: ScreenInfo;
  close(): Promise<void>;
}

let engine: Engine | null = null;

/** The running engine; throws before the app's 'ready' (Electron parts that need it say so too). */
export function currentEngine(): Engine {
  if (!engine) throw new Error('electron stand-in: Chromium is not running (before app ready, or after quit)');
  return engine;
}

export async function launchEngine(locale: string): Promise<Engine> {
  const profile = mkdtempSync(join(tmpdir(), 'tweestap-stand-in-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: !process.env.DISPLAY,
    // Port 0: Chromium picks one and writes it to DevToolsActivePort.
    args: [...CHROMIUM_ARGS, ...MEDIA_ARGS, '--remote-debugging-port=0', `--lang=${locale}`],
    locale,
    viewport: null,
    acceptDownloads: true,
  });
  const [port] = readFileSync(join(profile, 'DevToolsActivePort'), 'utf8').split('\n');
  const first = context.pages()[0] ?? (await context.newPage());
  const screen = await first.evaluate(() => ({
    width: window.screen.width,
    height: window.screen.height,
    availLeft: (window.screen as Screen & { availLeft?: number }).availLeft ?? 0,
    availTop: (window.screen as Screen & { availTop?: number }).availTop ?? 0,
    availWidth: window.screen.availWidth,
    availHeight: window.screen.availHeight,
    colorDepth: window.screen.colorDepth,
    scaleFactor: window.devicePixelRatio,
  }));
  // The start-up tab is no window of the app, but Chromium quits with its last window: park it
  // off the X screen for the whole run.
  const cdp = await context.newCDPSession(first);
  const { windowId } = (await cdp.send('Browser.getWindowForTarget')) as { windowId: number };
  await cdp.send('Browser.setWindowBounds', { windowId, bounds: { left: -20_000, top: -20_000, width: 200, height: 200 } }).catch(() => undefined);
  await cdp.detach();
  engine = {
    context,
    cdpEndpoint: `http://127.0.0.1:${port}`,
    screen,
    close: async () => {
      engine = null;
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return engine;
}
