/**
 * What the renderer may do beyond its page: nothing, except use the camera (video only) and
 * capture the screen, and only from our own origin. The decisions are pure functions (unit
 * tested); `installSessionGuards` and `guardWebContents` wire them into Electron.
 */
import type { DesktopCapturer, DesktopCapturerSource, Session, WebContents } from 'electron';

/** The custom protocol the packaged renderer is served from (see main.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'tweestap';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The origin of a URL as `scheme://host[:port]`, or null when it does not parse. Node's URL
 * gives `null` as the origin of custom schemes such as `app:`, so it is built by hand.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    // Hosts are case-insensitive; Node lower-cases them only for the special schemes.
    return parsed.host ? `${parsed.protocol}//${parsed.host.toLowerCase()}` : null;
  } catch {
    return null;
  }
}

/** True when `url` belongs to `trustedOrigin` (our app:// origin, or the dev server in development). */
export function isTrustedUrl(url: string | undefined | null, trustedOrigin: string): boolean {
  return typeof url === 'string' && originOf(url) === trustedOrigin;
}

/** The facts a permission decision depends on, from either Electron handler. */
export interface PermissionQuery {
  permission: string;
  /** The URL or origin that asks. */
  requestingUrl: string | undefined;
  /** `media` requests: the kinds asked for (request handler) or checked (check handler). */
  mediaTypes: readonly string[];
}

/**
 * Grants camera video (`media` with video and nothing else: no microphone) and screen capture
 * (`display-capture`) to our own origin; denies everything else, to everyone.
 */
export function isPermissionGranted(query: PermissionQuery, trustedOrigin: string): boolean {
  if (!isTrustedUrl(query.requestingUrl, trustedOrigin)) return false;
  if (query.permission === 'display-capture') return true;
  if (query.permission === 'media') return query.mediaTypes.length > 0 && query.mediaTypes.every((type) => type === 'video');
  return false;
}

/**
 * The screen to give the next `getDisplayMedia` call of a scan: the primary display first, then
 * the others in the capturer's order, then the first again. The renderer asks once per screen and
 * stops at the first screen it has already seen, so every display is grabbed once.
 * `previousId`: the source handed out last in this scan (null at its start, or when it is gone).
 */
export function nextScreenSource(sources: readonly DesktopCapturerSource[], primaryDisplayId: number, previousId: string | null): DesktopCapturerSource | null {
  const primary = sources.filter((source) => source.display_id === String(primaryDisplayId));
  const ordered = [...primary, ...sources.filter((source) => !primary.includes(source))];
  const previous = ordered.findIndex((source) => source.id === previousId);
  return ordered[(previous + 1) % ordered.length] ?? null;
}

/** What installSessionGuards needs besides the session. */
export interface SessionGuardDeps {
  trustedOrigin: string;
  desktopCapturer: Pick<DesktopCapturer, 'getSources'>;
  primaryDisplayId: () => number;
  log: (message: string) => void;
}

/** What main keeps of the guards: the start of a new scan of the screens. */
export interface SessionGuards {
  /** The next getDisplayMedia call gets the primary display again (call when a scan begins). */
  restartScreens(): void;
}

/** Installs the permission request/check handlers and the display-media handler on `session`. */
export function installSessionGuards(session: Session, deps: SessionGuardDeps): SessionGuards {
  const { trustedOrigin } = deps;
  let previousScreenId: string | null = null;
  // The sources of the current scan, asked for once: under Wayland (PipeWire) every getSources
  // call opens the system's screen picker and returns the one screen chosen there, so one scan
  // must show one picker. Reset by restartScreens() when the next scan begins.
  let scanSources: Promise<DesktopCapturerSource[]> | null = null;
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    callback(isPermissionGranted({ permission, requestingUrl: details.requestingUrl ?? contents.getURL(), mediaTypes }, trustedOrigin));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionGranted({ permission, requestingUrl: details.requestingUrl ?? requestingOrigin, mediaTypes: details.mediaType ? [details.mediaType] : [] }, trustedOrigin),
  );
  session.setDisplayMediaRequestHandler((request, callback) => {
    if (!isTrustedUrl(request.frame?.url ?? request.securityOrigin, trustedOrigin) || !request.videoRequested) {
      callback(null);
      return;
    }
    scanSources ??= deps.desktopCapturer.getSources({ types: ['screen'], thumbnailSize: { width: 0, height: 0 } });
    scanSources
      .then((sources) => {
        const source = nextScreenSource(sources, deps.primaryDisplayId(), previousScreenId);
        previousScreenId = source?.id ?? null;
        // Video only: a QR scan never needs the system's sound.
        callback(source ? { video: source } : null);
      })
      .catch((error: unknown) => {
        scanSources = null;
        deps.log(`screen sources unavailable: ${error instanceof Error ? error.name : typeof error}`);
        callback(null);
      });
  });
  return {
    restartScreens: () => {
      previousScreenId = null;
      scanSources = null;
    },
  };
}

/**
 * Refuses every navigation away from our origin, every new window (links to documentation go
 * through the API's openLink allow-list instead) and every `<webview>`.
 */
export function guardWebContents(contents: WebContents, trustedOrigin: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedUrl(url, trustedOrigin)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedUrl(url, trustedOrigin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
