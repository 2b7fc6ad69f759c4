/**
 * Follows docs/api/web-request.md (Electron 45) for `session.defaultSession.webRequest`:
 * onBeforeRequest([filter, ]listener(details, callback)) — every request of a stand-in window
 * (Playwright routing) is offered to the listener with url (app:// when mapped, ./protocol.ts),
 * method, resourceType, referrer, webContentsId, frame; `callback({ cancel: true })` blocks it,
 * `{ redirectURL }` redirects it. filter.urls patterns ('<all_urls>', '*://host/path*') narrow
 * which requests are offered. data: and blob: URLs never reach routing (nor, in Chromium, the
 * network). Other webRequest events are recorded and not fired.
 */
import type { Route } from 'playwright-core';
import { toAppUrl, toChromiumUrl } from './protocol';
import { record } from './record';

type Listener = (details: Record<string, unknown>, callback: (response: { cancel?: boolean; redirectURL?: string }) => void) => void;

let nextId = 1;

function matches(patterns: readonly string[] | undefined, url: string): boolean {
  if (!patterns || patterns.length === 0) return true;
  return patterns.some((pattern) => pattern === '<all_urls>' || new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(url));
}

const RESOURCE_TYPES: Record<string, string> = { stylesheet: 'stylesheet', script: 'script', image: 'image', font: 'font', xhr: 'xhr', fetch: 'xhr', media: 'media', websocket: 'webSocket', ping: 'ping', cspreport: 'cspReport' };

export class StandInWebRequest {
  #before: { urls?: string[]; listener: Listener } | null = null;

  onBeforeRequest(filterOrListener: { urls?: string[] } | Listener | null, maybeListener?: Listener | null): void {
    const listener = typeof filterOrListener === 'function' || filterOrListener === null ? filterOrListener : (maybeListener ?? null);
    const filter = typeof filterOrListener === 'object' && filterOrListener !== null ? filterOrListener : {};
    record('webRequest', 'onBeforeRequest', filter);
    this.#before = listener ? { urls: filter.urls, listener } : null;
  }

  /** Offers a routed request of window `webContents` to the listener, then lets it go on or not. */
  async route(route: Route, webContents: { id: number; frameOf(frame: never): unknown }, isMainFrame: boolean): Promise<void> {
    const request = route.request();
    const url = toAppUrl(request.url());
    const before = this.#before;
    if (!before || !matches(before.urls, url)) return route.fallback();
    const type = request.resourceType();
    const details = {
      id: nextId++,
      url,
      method: request.method(),
      webContentsId: webContents.id,
      webContents,
      frame: (() => {
        try {
          return webContents.frameOf(request.frame() as never);
        } catch {
          return null;
        }
      })(),
      resourceType: type === 'document' ? (isMainFrame ? 'mainFrame' : 'subFrame') : (RESOURCE_TYPES[type] ?? 'other'),
      referrer: request.headers()['referer'] ?? '',
      timestamp: Date.now(),
      uploadData: [],
    };
    const response = await new Promise<{ cancel?: boolean; redirectURL?: string }>((resolve) => before.listener(details, resolve));
    if (response.cancel) return route.abort('blockedbyclient');
    if (response.redirectURL) return route.fulfill({ status: 302, headers: { location: toChromiumUrl(response.redirectURL) } });
    return route.fallback();
  }

  onBeforeSendHeaders = recorded('onBeforeSendHeaders');
  onHeadersReceived = recorded('onHeadersReceived');
  onCompleted = recorded('onCompleted');
  onErrorOccurred = recorded('onErrorOccurred');
}

function recorded(method: string) {
  return (...args: unknown[]) => record('webRequest', method, ...args);
}
