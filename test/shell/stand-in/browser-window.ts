/**
 * Follows docs/api/browser-window.md and the parts of docs/api/web-contents.md main uses
 * (Electron 45). Each window is a real Chromium window (a Playwright page of ./chromium.ts):
 * - options: width/height/x/y (centred on the work area when x/y are absent), title, show
 *   (show:false → hidden until show(); 'ready-to-show' once the first page has loaded), the
 *   webPreferences (recorded; `preload` runs: ./renderer-electron.ts);
 * - show/hide/focus/isVisible/isMinimized/restore/maximize/isMaximized/getBounds/getNormalBounds/
 *   setBounds, setContentProtection (recorded), close() with a preventable 'close', then
 *   'closed'; destroy();
 * - webContents: loadURL (handled schemes mapped by ./protocol.ts), send (reaches the preload's
 *   ipcRenderer.on listeners), mainFrame (./web-frame-main.ts), getURL, setWindowOpenHandler
 *   (a refused popup is closed as soon as Chromium opens it), executeJavaScript,
 *   setWebRTCIPHandlingPolicy (recorded), and main's listeners (recorded);
 * - 'will-navigate' (event, url): fired for a navigation of the main frame that the page or the
 *   user starts (a link, `location` set), before its request; not for loadURL, as the doc says;
 *   preventDefault() stops it. Other navigation events are recorded, not fired.
 * Xvfb has no window manager, so hide() moves the window off the X screen and maximize() sizes it
 * to the work area; the bounds main reads stay the logical ones, as Electron's would.
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';
import type { CDPSession, Frame, Page, Route } from 'playwright-core';
import { currentEngine } from './chromium';
import { handleDownload } from './download-item';
import { ipcMain } from './ipc-main';
import { toAppUrl, toChromiumUrl } from './protocol';
import { plain, record, recordDelivered } from './record';
import { BINDING, preloadInitScript, RECEIVE } from './renderer-electron';
import { screen } from './screen';
import { defaultSession, mediaInitScript } from './session';
import { frameMain, type StandInWebFrameMain } from './web-frame-main';

/** 'created' and 'destroyed' of every window, for the app part (web-contents-created, window-all-closed). */
export const windowEvents = new EventEmitter();

let nextId = 1;
const windows = new Set<StandInBrowserWindow>();

/** An Electron-style event: `preventDefault()` sets `defaultPrevented`. */
export function preventableEvent(): { defaultPrevented: boolean; preventDefault(): void } {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

type PageMessage = { type: 'invoke' | 'send'; channel: string; args: unknown[] } | { type: 'permission'; permission: string; details: Record<string, unknown> } | { type: 'display-media'; details: { videoRequested: boolean; audioRequested: boolean; userGesture: boolean } };

type OpenHandler = (details: { url: string; frameName: string; features: string; disposition: string }) => { action: 'allow' | 'deny' };

export class StandInWebContents extends EventEmitter {
  readonly id: number;
  page: Page | null = null;
  webRTCIPHandlingPolicy = 'default';
  #destroyed = false;
  #openHandler: OpenHandler | null = null;
  /** The Chromium URL loadURL is loading: its navigation is not the page's own. */
  #programmaticLoad: string | null = null;

  constructor(readonly window: StandInBrowserWindow) {
    super();
    this.id = window.id;
  }

  get mainFrame(): StandInWebFrameMain | null {
    return this.page ? frameMain(this.page.mainFrame(), this.id) : null;
  }

  /** The frame object main sees for a Playwright frame of this window. */
  frameOf(frame: Frame): StandInWebFrameMain {
    return frameMain(frame, this.id);
  }

  getURL(): string {
    return this.page ? toAppUrl(this.page.url()) : '';
  }

  async loadURL(url: string): Promise<void> {
    record('webContents', 'loadURL', this.id, url);
    const page = await this.window.opened;
    this.#programmaticLoad = toChromiumUrl(url);
    await page.goto(this.#programmaticLoad, { waitUntil: 'load' });
    this.emit('did-finish-load');
  }

  /**
   * A navigation request of the main frame: main's 'will-navigate' decides, unless loadURL started
   * it. Returns whether it may go on.
   */
  mayNavigate(chromiumUrl: string): boolean {
    if (chromiumUrl === this.#programmaticLoad) {
      this.#programmaticLoad = null;
      return true;
    }
    const url = toAppUrl(chromiumUrl);
    const event = Object.assign(preventableEvent(), { url, isMainFrame: true });
    this.emit('will-navigate', event, url);
    record('webContents', 'will-navigate', this.id, url, event.defaultPrevented ? 'prevented' : 'allowed');
    return !event.defaultPrevented;
  }

  send(channel: string, ...args: unknown[]): void {
    record('webContents', 'send', this.id, channel);
    recordDelivered('send', channel, args);
    // Sent to the main frame; lost when no page (or no preload) is there yet, as in Electron.
    void this.page
      ?.evaluate(([name, sent, payload]) => (window as unknown as Record<string, (c: string, a: unknown[]) => void>)[name]?.(sent, payload), [RECEIVE, channel, args] as const).catch(() => undefined);
  }

  executeJavaScript(code: string): Promise<unknown> {
    return this.window.opened.then((page) => page.evaluate(code));
  }

  setWindowOpenHandler(handler: OpenHandler): void {
    record('webContents', 'setWindowOpenHandler', this.id);
    this.#openHandler = handler;
  }

  /** Chromium opened a popup for this page: main's window-open handler decides. */
  popupOpened(popup: Page): void {
    const decision = this.#openHandler?.({ url: toAppUrl(popup.url()), frameName: '', features: '', disposition: 'new-window' }) ?? { action: 'allow' };
    record('webContents', 'windowOpenDecision', this.id, decision.action);
    if (decision.action === 'deny') void popup.close();
  }

  override on(event: string | symbol, listener: (...args: unknown[]) => void): this {
    record('webContents', 'on', this.id, String(event));
    return super.on(event, listener);
  }

  /** web-contents.md: recorded (the stand-in's Chromium keeps its own WebRTC policy). */
  setWebRTCIPHandlingPolicy(policy: string): void {
    record('webContents', 'setWebRTCIPHandlingPolicy', this.id, policy);
    this.webRTCIPHandlingPolicy = policy;
  }

  getWebRTCIPHandlingPolicy(): string {
    return this.webRTCIPHandlingPolicy;
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }

  isLoading(): boolean {
    return false;
  }

  focus(): void {
    void this.page?.bringToFront();
  }

  markDestroyed(): void {
    this.#destroyed = true;
    this.emit('destroyed');
  }

  standInDescription(): string {
    return `[webContents ${this.id}]`;
  }
}

export class StandInBrowserWindow extends EventEmitter {
  readonly id = nextId++;
  readonly webContents: StandInWebContents;
  readonly options: BrowserWindowConstructorOptions;
  /** Resolves with the window's page once Chromium has opened it. */
  readonly opened: Promise<Page>;
  #normal: Rectangle;
  #visible: boolean;
  #maximized = false;
  #minimized = false;
  #destroyed = false;
  #readyToShow = false;
  contentProtection = false;
  #cdp: Promise<{ cdp: CDPSession; windowId: number }>;

  static getAllWindows(): StandInBrowserWindow[] {
    return [...windows];
  }

  static fromWebContents(contents: unknown): StandInBrowserWindow | null {
    return [...windows].find((win) => win.webContents === contents) ?? null;
  }

  static getFocusedWindow(): StandInBrowserWindow | null {
    return [...windows].find((win) => win.#visible) ?? null;
  }

  constructor(options: BrowserWindowConstructorOptions = {}) {
    super();
    record('BrowserWindow', 'new', options);
    currentEngine(); // browser-window.md: cannot be used before the app's 'ready'
    this.options = options;
    const area = screen.getPrimaryDisplay().workArea;
    const width = options.width ?? 800;
    const height = options.height ?? 600;
    this.#normal = {
      x: options.x ?? Math.round(area.x + (area.width - width) / 2),
      y: options.y ?? Math.round(area.y + (area.height - height) / 2),
      width,
      height,
    };
    this.#visible = options.show !== false;
    this.webContents = new StandInWebContents(this);
    windows.add(this);
    this.opened = this.#open();
    this.#cdp = this.opened.then(async (page) => {
      const cdp = await page.context().newCDPSession(page);
      const { windowId } = (await cdp.send('Browser.getWindowForTarget')) as { windowId: number };
      return { cdp, windowId };
    });
    windowEvents.emit('created', this);
    void this.#place();
  }

  async #open(): Promise<Page> {
    const page = await currentEngine().newWindow();
    this.webContents.page = page;
    await page.exposeBinding(BINDING, (source, message: PageMessage) => this.#fromPage(source.frame, message));
    await page.addInitScript({ content: mediaInitScript });
    const preload = this.options.webPreferences?.preload;
    if (preload) await page.addInitScript({ content: preloadInitScript(readFileSync(preload, 'utf8'), preload) });
    const inMainFrame = (route: Route) => {
      try {
        return route.request().frame() === page.mainFrame();
      } catch {
        return false; // a service worker's request has no frame
      }
    };
    await page.route('**/*', (route) => {
      const mainFrame = inMainFrame(route);
      if (mainFrame && route.request().isNavigationRequest() && !this.webContents.mayNavigate(route.request().url())) return route.abort('aborted');
      return defaultSession.webRequest.route(route, this.webContents, mainFrame);
    });
    page.on('popup', (popup) => this.webContents.popupOpened(popup));
    page.on('download', (download) => handleDownload(this.webContents, download));
    page.once('load', () => {
      if (this.#readyToShow) return;
      this.#readyToShow = true;
      this.emit('ready-to-show');
    });
    page.on('close', () => this.destroy());
    return page;
  }

  #fromPage(frame: Frame, message: PageMessage): unknown {
    const sender = this.webContents.frameOf(frame);
    switch (message.type) {
      case 'invoke':
        return ipcMain.invoke(this.webContents, sender, message.channel, message.args).then((reply) => {
          recordDelivered('reply', message.channel, reply.ok ? reply.value : reply.message);
          return reply;
        });
      case 'send':
        return ipcMain.deliver(this.webContents, sender, message.channel, message.args);
      case 'permission':
        return defaultSession.requestPermission(this.webContents, sender, message.permission, message.details);
      case 'display-media':
        return defaultSession.requestDisplayMedia(sender, message.details).then((source) => source !== null);
    }
  }

  /** Puts the Chromium window where the window's state says: its bounds, off-screen when hidden. */
  async #place(): Promise<void> {
    const { cdp, windowId } = await this.#cdp;
    const bounds = this.#maximized ? screen.getPrimaryDisplay().workArea : this.#normal;
    const hidden = !this.#visible || this.#minimized;
    await cdp
      .send('Browser.setWindowBounds', { windowId, bounds: { windowState: 'normal' } })
      .then(() => cdp.send('Browser.setWindowBounds', { windowId, bounds: { left: hidden ? -20_000 : bounds.x, top: hidden ? -20_000 : bounds.y, width: bounds.width, height: bounds.height } }))
      .catch(() => undefined);
    if (!hidden) await this.webContents.page?.bringToFront().catch(() => undefined);
  }

  show(): void {
    record('BrowserWindow', 'show', this.id);
    const was = this.#visible;
    this.#visible = true;
    this.#minimized = false;
    void this.#place();
    if (!was) this.emit('show');
    this.emit('focus');
  }

  hide(): void {
    record('BrowserWindow', 'hide', this.id);
    if (!this.#visible) return;
    this.#visible = false;
    void this.#place();
    this.emit('hide');
  }

  focus(): void {
    record('BrowserWindow', 'focus', this.id);
    void this.webContents.page?.bringToFront();
    this.emit('focus');
  }

  isVisible(): boolean {
    return this.#visible && !this.#minimized;
  }

  isMinimized(): boolean {
    return this.#minimized;
  }

  minimize(): void {
    this.#minimized = true;
    void this.#place();
    this.emit('minimize');
  }

  restore(): void {
    record('BrowserWindow', 'restore', this.id);
    this.#minimized = false;
    void this.#place();
    this.emit('restore');
  }

  maximize(): void {
    record('BrowserWindow', 'maximize', this.id);
    this.#maximized = true;
    void this.#place();
    this.emit('maximize');
  }

  unmaximize(): void {
    this.#maximized = false;
    void this.#place();
    this.emit('unmaximize');
  }

  isMaximized(): boolean {
    return this.#maximized;
  }

  getBounds(): Rectangle {
    return this.#maximized ? screen.getPrimaryDisplay().workArea : { ...this.#normal };
  }

  getNormalBounds(): Rectangle {
    return { ...this.#normal };
  }

  setBounds(bounds: Partial<Rectangle>): void {
    this.#normal = { ...this.#normal, ...bounds };
    void this.#place();
    this.emit('resize');
    this.emit('move');
  }

  setContentProtection(enable: boolean): void {
    record('BrowserWindow', 'setContentProtection', this.id, enable);
    this.contentProtection = enable;
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }

  /** As the user's close button: a preventable 'close', then the window goes. */
  close(): void {
    record('BrowserWindow', 'close', this.id);
    if (this.#destroyed) return;
    const event = preventableEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }

  /** Closes without 'close' (browser-window.md: destroy). */
  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    windows.delete(this);
    void this.webContents.page?.close().catch(() => undefined);
    this.emit('closed');
    this.webContents.markDestroyed();
    windowEvents.emit('destroyed', this);
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }

  /** For the control channel's state. */
  describe() {
    return {
      id: this.id,
      visible: this.isVisible(),
      maximized: this.#maximized,
      destroyed: this.#destroyed,
      normalBounds: this.getNormalBounds(),
      contentProtection: this.contentProtection,
      url: this.webContents.getURL(),
      options: plain(this.options),
    };
  }

  standInDescription(): string {
    return `[BrowserWindow ${this.id}]`;
  }
}
