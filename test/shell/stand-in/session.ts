/**
 * Follows docs/api/session.md (Electron 45) for `session.defaultSession`:
 * - setPermissionRequestHandler(handler(webContents, permission, callback, details)): asked when a
 *   page calls getUserMedia (permission 'media', details.mediaTypes, requestingUrl). Without a
 *   handler a request is granted (Electron's default).
 * - setPermissionCheckHandler(handler(webContents, permission, requestingOrigin, details)).
 * - setDisplayMediaRequestHandler(handler(request, callback)): asked when a page calls
 *   getDisplayMedia, with request.frame (the calling frame), securityOrigin, videoRequested,
 *   audioRequested, userGesture; `callback({ video: source })` grants, a call without video
 *   refuses (NotAllowedError). Without a handler getDisplayMedia is refused.
 * - 'will-download' with a DownloadItem: see ./download-item.ts; webRequest: ./web-request.ts.
 * How Chromium "asks": an init script (mediaInitScript) wraps navigator.mediaDevices in every
 * frame of a stand-in window and asks main over the window's binding first; when main grants,
 * Chromium's own call runs (the X screen, "Entire screen" auto-selected; a camera only when main's
 * command line carries Chromium's fake-camera switches; see ./chromium.ts), and the source main
 * chose is recorded.
 */
import { EventEmitter } from 'node:events';
import type { Session } from 'electron';
import { record } from './record';
import { BINDING } from './renderer-electron';
import { StandInWebRequest } from './web-request';
import type { StandInWebFrameMain } from './web-frame-main';

type RequestHandler = (webContents: unknown, permission: string, callback: (granted: boolean) => void, details: Record<string, unknown>) => void;
type CheckHandler = (webContents: unknown, permission: string, requestingOrigin: string, details: Record<string, unknown>) => boolean;
type DisplayMediaHandler = (request: Record<string, unknown>, callback: (streams?: { video?: { id: string; name: string } } | null) => void) => void;

class StandInSession extends EventEmitter {
  readonly webRequest = new StandInWebRequest();
  #request: RequestHandler | null = null;
  #check: CheckHandler | null = null;
  #displayMedia: DisplayMediaHandler | null = null;

  setPermissionRequestHandler(handler: RequestHandler | null): void {
    record('session', 'setPermissionRequestHandler', handler);
    this.#request = handler;
  }

  setPermissionCheckHandler(handler: CheckHandler | null): void {
    record('session', 'setPermissionCheckHandler', handler);
    this.#check = handler;
  }

  setDisplayMediaRequestHandler(handler: DisplayMediaHandler | null, options?: unknown): void {
    record('session', 'setDisplayMediaRequestHandler', handler, options);
    this.#displayMedia = handler;
  }

  /** A page asked for a permission (getUserMedia → 'media'). */
  requestPermission(webContents: unknown, frame: StandInWebFrameMain, permission: string, details: Record<string, unknown>): Promise<boolean> {
    const handler = this.#request;
    const full = { ...details, requestingUrl: frame.url, isMainFrame: frame.parent === null, securityOrigin: frame.origin };
    if (!handler) return Promise.resolve(true);
    return new Promise((resolve) => handler(webContents, permission, (granted) => resolve(Boolean(granted)), full));
  }

  /** A page checked a permission. */
  checkPermission(webContents: unknown, frame: StandInWebFrameMain, permission: string, details: Record<string, unknown>): boolean {
    return this.#check ? this.#check(webContents, permission, frame.origin, { ...details, requestingUrl: frame.url, isMainFrame: frame.parent === null, securityOrigin: frame.origin }) : true;
  }

  /** A page called getDisplayMedia; resolves with the video source main granted, or null. */
  requestDisplayMedia(frame: StandInWebFrameMain, details: { videoRequested: boolean; audioRequested: boolean; userGesture: boolean }): Promise<{ id: string; name: string } | null> {
    const handler = this.#displayMedia;
    if (!handler) return Promise.resolve(null);
    return new Promise((resolve) => {
      handler({ frame, securityOrigin: frame.origin, ...details }, (streams) => {
        const video = streams?.video ?? null;
        record('session', 'displayMediaGranted', video ? { id: video.id, name: video.name } : null);
        resolve(video ? { id: video.id, name: video.name } : null);
      });
    });
  }
}

export const defaultSession = new StandInSession();

export const session = {
  get defaultSession() {
    return defaultSession as unknown as Session;
  },
};

/** Runs in every frame before page scripts; registered before the preload script (which hides the binding). */
export const mediaInitScript = `(() => {
  const call = window[${JSON.stringify(BINDING)}];
  const media = navigator.mediaDevices;
  if (!call || !media) return;
  const getUserMedia = media.getUserMedia.bind(media);
  const getDisplayMedia = media.getDisplayMedia.bind(media);
  const refused = () => new DOMException('Permission denied', 'NotAllowedError');
  const gesture = () => Boolean(navigator.userActivation && navigator.userActivation.isActive);
  media.getUserMedia = async (constraints = {}) => {
    const mediaTypes = [...(constraints.video ? ['video'] : []), ...(constraints.audio ? ['audio'] : [])];
    if (!(await call({ type: 'permission', permission: 'media', details: { mediaTypes } }))) throw refused();
    return getUserMedia(constraints);
  };
  media.getDisplayMedia = async (options = {}) => {
    const details = { videoRequested: options.video !== false, audioRequested: Boolean(options.audio), userGesture: gesture() };
    if (!(await call({ type: 'display-media', details }))) throw refused();
    return getDisplayMedia(options);
  };
})();`;
