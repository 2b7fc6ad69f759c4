/**
 * The IPC boundary of the main process: one `ipcMain.handle` per API method, each checking that
 * the message comes from our window's main frame on our origin before handing the raw arguments
 * to the shared `dispatch` (which validates them). Events go the other way on one channel.
 */
import type { BrowserWindow, IpcMain } from 'electron';
import { API_CHANNEL_PREFIX, API_EVENT_CHANNEL, API_METHODS, type ApiResult } from '../shared/api';
import { TweestapError } from '../shared/errors';
import { isTrustedUrl } from './security';
import type { ApiService } from '../node/api-service';

/** The parts of a WebFrameMain the sender check needs. */
export interface FrameIdentity {
  url: string;
  processId: number;
  routingId: number;
}

/**
 * True when `sender` is `mainFrame` (the same frame, not a child frame or another window) and
 * shows a page of `trustedOrigin`.
 */
export function isTrustedSender(sender: FrameIdentity | null | undefined, mainFrame: FrameIdentity | null | undefined, trustedOrigin: string): boolean {
  if (!sender || !mainFrame) return false;
  return sender.processId === mainFrame.processId && sender.routingId === mainFrame.routingId && isTrustedUrl(sender.url, trustedOrigin);
}

const UNTRUSTED: ApiResult<never> = (() => {
  const error = new TweestapError('input', 'main.ipc.untrustedSender');
  return { ok: false, error: { kind: error.kind, key: error.key, params: error.params } };
})();

export interface IpcDeps {
  service: ApiService;
  /** Our main window, if it exists now. */
  window: () => BrowserWindow | null;
  trustedOrigin: string;
  log: (message: string) => void;
}

/** Registers a handler for every API method; returns a function that removes them again. */
export function registerIpcHandlers(ipcMain: IpcMain, deps: IpcDeps): () => void {
  for (const method of API_METHODS) {
    ipcMain.handle(API_CHANNEL_PREFIX + method, (event, ...args: unknown[]) => {
      const mainFrame = deps.window()?.webContents.mainFrame;
      if (!isTrustedSender(event.senderFrame, mainFrame, deps.trustedOrigin)) {
        deps.log(`refused ${method} from an untrusted sender`);
        return UNTRUSTED;
      }
      return deps.service.dispatch(method, args);
    });
  }
  return () => {
    for (const method of API_METHODS) ipcMain.removeHandler(API_CHANNEL_PREFIX + method);
  };
}

/** Forwards every API event to our window; returns the unsubscribe function. */
export function forwardEvents(service: ApiService, window: () => BrowserWindow | null): () => void {
  return service.onEvent((event) => {
    const win = window();
    if (win && !win.isDestroyed()) win.webContents.send(API_EVENT_CHANNEL, event);
  });
}
