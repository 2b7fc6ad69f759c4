/**
 * What the renderer may do beyond its page: nothing, except use the camera (video only) during a
 * camera scan and capture the screen during a screen scan, and only from our own origin. It
 * reaches no network: every request that is not app:// (or the dev server in development) is
 * refused, and WebRTC sends no UDP. The decisions are pure functions (unit tested);
 * `installSessionGuards` and `guardWebContents` wire them into Electron.
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

/** Schemes whose requests never leave the renderer (the page's own bytes); the CSP governs them. */
const IN_PAGE_SCHEMES: readonly string[] = ['data:', 'blob:'];

/**
 * True when the session may make a request to `url`: our app:// files, in development the dev
 * server (with its live-reload WebSocket) and DevTools' own pages, and in-page data. Everything
 * else (https, http, ws, file, ftp, other custom schemes) is refused, so a compromised window
 * cannot send a code or a backup anywhere, nor load anything.
 */
export function isRequestAllowed(url: string, trustedOrigin: string): boolean {
  const origin = originOf(url);
  const development = trustedOrigin !== APP_ORIGIN;
  if (origin !== null && (origin === APP_ORIGIN || origin === trustedOrigin)) return true;
  if (development && origin !== null && (origin === trustedOrigin.replace(/^http/, 'ws') || url.toLowerCase().startsWith('devtools://'))) return true;
  return IN_PAGE_SCHEMES.some((scheme) => url.toLowerCase().startsWith(scheme));
}

/**
 * WebRTC may not reveal addresses or send STUN packets: without a proxy, no UDP at all (Tweestap
 * makes no calls; the CSP does not cover WebRTC).
 */
export const WEBRTC_IP_HANDLING_POLICY = 'disable_non_proxied_udp';

/** The scan main knows is running: the camera's, the screens', or none. */
export type ScanKind = 'camera' | 'screen';

/** The facts a permission decision depends on, from either Electron handler. */
export interface PermissionQuery {
  permission: string;
  /** The URL or origin that asks. */
  requestingUrl: string | undefined;
  /** `media` requests: the kinds asked for (request handler) or checked (check handler). */
  mediaTypes: readonly string[];
}

/**
 * Grants camera video (`media` with video and nothing else: no microphone) while a camera scan
 * runs and screen capture (`display-capture`) while a screen scan runs, to our own origin only;
 * denies everything else, to everyone, and both outside their scan.
 */
export function isPermissionGranted(query: PermissionQuery, trustedOrigin: string, scanning: ScanKind | null): boolean {
  if (!isTrustedUrl(query.requestingUrl, trustedOrigin)) return false;
  if (query.permission === 'display-capture') return scanning === 'screen';
  if (query.permission === 'media') return scanning === 'camera' && query.mediaTypes.length > 0 && query.mediaTypes.every((type) => type === 'video');
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

/** What main tells the guards: when a scan begins and ends. */
export interface SessionGuards {
  /**
   * A scan begins (beginCameraScan, beginScreenCapture): its media permission is granted until
   * it ends. A screen scan starts again at the primary display.
   */
  beginScan(kind: ScanKind): void;
  /** The scan of `kind` is over (a late end of another kind changes nothing). */
  endScan(kind: ScanKind): void;
}

/**
 * Installs the request filter, the permission request/check handlers and the display-media
 * handler on `session`.
 */
export function installSessionGuards(session: Session, deps: SessionGuardDeps): SessionGuards {
  const { trustedOrigin } = deps;
  let scanning: ScanKind | null = null;
  let previousScreenId: string | null = null;
  // The sources of the current scan, asked for once: under Wayland (PipeWire) every getSources
  // call opens the system's screen picker and returns the one screen chosen there, so one scan
  // must show one picker. Reset by beginScan() when the next scan begins.
  let scanSources: Promise<DesktopCapturerSource[]> | null = null;
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isRequestAllowed(details.url, trustedOrigin);
    // The scheme only: the URL itself may carry what a compromised window tried to send out.
    if (!allowed) deps.log(`refused a request (${/^[a-z][a-z0-9+.-]{0,20}:/i.exec(details.url)?.[0] ?? '?'})`);
    callback({ cancel: !allowed });
  });
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    callback(isPermissionGranted({ permission, requestingUrl: details.requestingUrl ?? contents.getURL(), mediaTypes }, trustedOrigin, scanning));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionGranted({ permission, requestingUrl: details.requestingUrl ?? requestingOrigin, mediaTypes: details.mediaType ? [details.mediaType] : [] }, trustedOrigin, scanning),
  );
  session.setDisplayMediaRequestHandler((request, callback) => {
    if (scanning !== 'screen' || !isTrustedUrl(request.frame?.url ?? request.securityOrigin, trustedOrigin) || !request.videoRequested) {
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
    beginScan(kind) {
      scanning = kind;
      previousScreenId = null;
      scanSources = null;
    },
    endScan(kind) {
      if (scanning === kind) scanning = null;
    },
  };
}

/**
 * Refuses every navigation away from our origin, every new window (links to documentation go
 * through the API's openLink allow-list instead) and every `<webview>`, and keeps WebRTC off UDP.
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
  contents.setWebRTCIPHandlingPolicy(WEBRTC_IP_HANDLING_POLICY);
}
