/**
 * The Chromium behind every stand-in BrowserWindow: Debian's /usr/bin/chromium through
 * playwright-core, one persistent profile per app run, headed when there is a display (screen
 * capture needs one; run under test/e2e/with-display.sh). Not an Electron part: the engine the
 * parts share. It also opens a DevTools port so the test can attach with connectOverCDP. The tab
 * Chromium starts with is kept, off the screen, so the browser outlives the app's last window.
 * Each BrowserWindow gets an X window of its own (newWindow): a tab of a shared window would move
 * with the others, and hiding one would take them all off the screen.
 * Chromium switches on main's command line reach this Chromium, as Electron's command line is
 * Chromium's (command-line-switches.md): a camera spec passes Chromium's fake camera that way.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../fixtures/chromium-args';

/** The same flags as the browser tests' Chromium. */
export { CHROMIUM_ARGS };

/**
 * "Entire screen" picked without a picker (Xvfb has one screen), as main's display-media handler
 * picks it in Electron. Nothing more by default: --use-fake-device-for-media-stream turns
 * getDisplayMedia into a 96x96 test pattern (source screen:-3:0) instead of the X screen, and
 * --use-fake-ui-for-media-stream makes it fail ("Could not start video source"). Chromium's
 * permission prompts are replaced by granting camera and microphone to the profile: in Electron
 * the session's permission handler is the only gate, and the stand-in asks it first (./session.ts).
 */
export const MEDIA_ARGS = ['--auto-select-desktop-capture-source=Entire screen'];

/** The Chromium switches (`--name[=value]`) on main's command line; an otpauth link or a path is not one. */
export function chromiumSwitches(argv: readonly string[]): string[] {
  return argv.filter((arg) => /^--[a-z0-9][a-z0-9-]*(=|$)/i.test(arg));
}

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
  /** A page in a new X window of its own. */
  newWindow(): Promise<Page>;
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
    args: [...CHROMIUM_ARGS, ...MEDIA_ARGS, ...chromiumSwitches(process.argv.slice(2)), '--remote-debugging-port=0', `--lang=${locale}`],
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
  await context.grantPermissions(['camera', 'microphone']);
  engine = {
    context,
    cdpEndpoint: `http://127.0.0.1:${port}`,
    screen,
    newWindow: () => openInNewWindow(context, cdp),
    close: async () => {
      engine = null;
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return engine;
}

/** The target id of `page`'s DevTools target. */
async function targetIdOf(context: BrowserContext, page: Page): Promise<string | null> {
  const session = await context.newCDPSession(page).catch(() => null);
  if (!session) return null;
  try {
    const { targetInfo } = (await session.send('Target.getTargetInfo')) as { targetInfo: { targetId: string } };
    return targetInfo.targetId;
  } catch {
    return null;
  } finally {
    await session.detach().catch(() => undefined);
  }
}

/**
 * Opens about:blank in a new X window (Target.createTarget with newWindow; Playwright's newPage
 * would add a tab to the last active window) and returns its page.
 */
async function openInNewWindow(context: BrowserContext, cdp: CDPSession): Promise<Page> {
  const seen: Page[] = [];
  const collect = (page: Page) => void seen.push(page);
  context.on('page', collect);
  try {
    const { targetId } = (await cdp.send('Target.createTarget', { url: 'about:blank', newWindow: true })) as { targetId: string };
    const deadline = Date.now() + 10_000;
    const checked = new Set<Page>();
    for (;;) {
      for (const page of [...seen, ...context.pages()]) {
        if (checked.has(page)) continue;
        checked.add(page);
        if ((await targetIdOf(context, page)) === targetId) return page;
      }
      if (Date.now() > deadline) throw new Error('electron stand-in: Chromium opened no window');
      await new Promise((done) => setTimeout(done, 20));
    }
  } finally {
    context.off('page', collect);
  }
}
