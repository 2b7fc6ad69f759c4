import type { DesktopCapturerSource, Session } from 'electron';
import { describe, expect, it } from 'vitest';
import type { WebContents } from 'electron';
import { APP_ORIGIN, guardWebContents, installSessionGuards, isPermissionGranted, isRequestAllowed, isTrustedUrl, nextScreenSource, originOf, WEBRTC_IP_HANDLING_POLICY } from '../../../electron/security';

const OURS = `${APP_ORIGIN}/index.html`;

describe('isPermissionGranted', () => {
  it.each([
    ['camera video during a camera scan', 'media', ['video'], 'camera'],
    ['screen capture during a screen scan', 'display-capture', [], 'screen'],
  ] as const)('grants %s to our origin', (_name, permission, mediaTypes, scanning) => {
    expect(isPermissionGranted({ permission, requestingUrl: OURS, mediaTypes }, APP_ORIGIN, scanning)).toBe(true);
  });

  // Issue 12.2: the camera and the screen were granted at any time, scan or not.
  it.each([
    ['camera video outside any scan', 'media', ['video'], null],
    ['camera video during a screen scan', 'media', ['video'], 'screen'],
    ['screen capture outside any scan', 'display-capture', [], null],
    ['screen capture during a camera scan', 'display-capture', [], 'camera'],
  ] as const)('denies %s', (_name, permission, mediaTypes, scanning) => {
    expect(isPermissionGranted({ permission, requestingUrl: OURS, mediaTypes }, APP_ORIGIN, scanning)).toBe(false);
  });

  it.each([
    ['microphone', 'media', ['audio']],
    ['camera with microphone', 'media', ['video', 'audio']],
    ['media of unknown kind', 'media', ['unknown']],
    ['media with no kind', 'media', []],
    ['notifications', 'notifications', []],
    ['geolocation', 'geolocation', []],
    ['clipboard read', 'clipboard-read', []],
    ['opening external links', 'openExternal', []],
    ['USB', 'usb', []],
  ])('denies %s even to our origin, even during a scan', (_name, permission, mediaTypes) => {
    for (const scanning of ['camera', 'screen', null] as const) expect(isPermissionGranted({ permission, requestingUrl: OURS, mediaTypes }, APP_ORIGIN, scanning)).toBe(false);
  });

  it.each(['https://evil.example/', 'app://other/index.html', 'file:///etc/passwd', 'http://127.0.0.1:5173/', '', undefined])('denies camera and screen to %s', (url) => {
    expect(isPermissionGranted({ permission: 'media', requestingUrl: url, mediaTypes: ['video'] }, APP_ORIGIN, 'camera')).toBe(false);
    expect(isPermissionGranted({ permission: 'display-capture', requestingUrl: url, mediaTypes: [] }, APP_ORIGIN, 'screen')).toBe(false);
  });
});

// Issue 12.2: the window could reach the network (fetch, images, WebSockets, WebRTC) under the CSP.
describe('isRequestAllowed', () => {
  const DEV = 'http://localhost:5173';

  it.each(['app://tweestap/index.html', 'app://tweestap/assets/index.js', 'APP://TWEESTAP/x', 'data:image/png;base64,AAAA', 'blob:app://tweestap/1b2c'])('allows %s', (url) => {
    expect(isRequestAllowed(url, APP_ORIGIN)).toBe(true);
  });

  it.each([
    'https://evil.example/?code=123456',
    'http://127.0.0.1:9/',
    'ws://evil.example/',
    'wss://evil.example/',
    'file:///etc/passwd',
    'ftp://evil.example/',
    'app://tweestap.evil/index.html',
    'app://other/index.html',
    'devtools://devtools/bundled/inspector.html',
    'chrome-extension://abc/x.js',
    'stun:stun.example:3478',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isRequestAllowed(url, APP_ORIGIN)).toBe(false);
  });

  it('allows the dev server, its live-reload WebSocket and DevTools in development only', () => {
    expect(isRequestAllowed(`${DEV}/src/main.tsx`, DEV)).toBe(true);
    expect(isRequestAllowed('devtools://devtools/bundled/inspector.html', DEV)).toBe(true);
    expect(isRequestAllowed('ws://localhost:5173/?token=x', DEV)).toBe(true);
    expect(isRequestAllowed('ws://localhost:5174/', DEV)).toBe(false);
    expect(isRequestAllowed('https://evil.example/', DEV)).toBe(false);
    expect(isRequestAllowed(`${DEV}/src/main.tsx`, APP_ORIGIN)).toBe(false);
    expect(isRequestAllowed('ws://localhost:5173/', APP_ORIGIN)).toBe(false);
  });
});

describe('installSessionGuards: the request filter and the scan-bound permissions', () => {
  type BeforeRequest = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;
  type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl?: string; mediaTypes?: string[] }) => void;

  function guarded() {
    let beforeRequest: BeforeRequest | null = null;
    let permissionRequest: RequestHandler | null = null;
    const logs: string[] = [];
    const session = {
      webRequest: { onBeforeRequest: (listener: BeforeRequest) => void (beforeRequest = listener) },
      setPermissionRequestHandler: (handler: RequestHandler) => void (permissionRequest = handler),
      setPermissionCheckHandler: () => undefined,
      setDisplayMediaRequestHandler: () => undefined,
    } as unknown as Session;
    const guards = installSessionGuards(session, { trustedOrigin: APP_ORIGIN, desktopCapturer: { getSources: async () => [] }, primaryDisplayId: () => 1, log: (line) => logs.push(line) });
    const cancelled = (url: string) => {
      let answer: boolean | undefined;
      beforeRequest!({ url }, (response) => (answer = response.cancel));
      return answer;
    };
    const camera = () => {
      let granted: boolean | undefined;
      permissionRequest!({ getURL: () => OURS }, 'media', (answer) => (granted = answer), { requestingUrl: OURS, mediaTypes: ['video'] });
      return granted;
    };
    return { guards, cancelled, camera, logs };
  }

  it('cancels every request that is not app://, logging only its scheme', () => {
    const { cancelled, logs } = guarded();
    expect(cancelled('app://tweestap/index.html')).toBe(false);
    expect(cancelled('https://evil.example/?code=123456')).toBe(true);
    expect(logs).toEqual(['refused a request (https:)']);
  });

  it('grants the camera between beginScan and endScan only', () => {
    const { guards, camera } = guarded();
    expect(camera()).toBe(false);
    guards.beginScan('camera');
    expect(camera()).toBe(true);
    guards.endScan('screen');
    expect(camera()).toBe(true);
    guards.endScan('camera');
    expect(camera()).toBe(false);
  });
});

describe('guardWebContents', () => {
  it('sets a WebRTC policy that sends no UDP without a proxy', () => {
    const policies: string[] = [];
    const contents = { on: () => undefined, setWindowOpenHandler: () => undefined, setWebRTCIPHandlingPolicy: (policy: string) => void policies.push(policy) } as unknown as WebContents;
    guardWebContents(contents, APP_ORIGIN);
    expect(WEBRTC_IP_HANDLING_POLICY).toBe('disable_non_proxied_udp');
    expect(policies).toEqual(['disable_non_proxied_udp']);
  });
});

describe('originOf and isTrustedUrl', () => {
  it('builds the origin of custom schemes by hand (Node says "null")', () => {
    expect(originOf('app://tweestap/assets/index.js')).toBe('app://tweestap');
    expect(originOf('http://localhost:5173/src/main.tsx')).toBe('http://localhost:5173');
    expect(originOf('not a url')).toBeNull();
    expect(originOf('about:blank')).toBeNull();
  });

  it('does not let a look-alike host pass', () => {
    expect(isTrustedUrl('app://tweestap.evil/index.html', APP_ORIGIN)).toBe(false);
    expect(isTrustedUrl('app://tweestap@evil/index.html', APP_ORIGIN)).toBe(false);
    expect(isTrustedUrl('APP://TWEESTAP/index.html', APP_ORIGIN)).toBe(true);
  });
});

describe('nextScreenSource', () => {
  const source = (id: string, displayId: string) => ({ id, name: id, display_id: displayId }) as DesktopCapturerSource;
  const sources = [source('screen:1', '11'), source('screen:2', '22'), source('screen:3', '33')];

  /** The ids handed out for `calls` requests of one scan. */
  function handOut(list: DesktopCapturerSource[], primary: number, calls: number): (string | undefined)[] {
    const given: (string | undefined)[] = [];
    let previous: string | null = null;
    for (let call = 0; call < calls; call++) {
      const next = nextScreenSource(list, primary, previous);
      given.push(next?.id);
      previous = next?.id ?? null;
    }
    return given;
  }

  it('gives the primary display first, then each other screen once, then starts again', () => {
    expect(handOut(sources, 22, 4)).toEqual(['screen:2', 'screen:1', 'screen:3', 'screen:2']);
  });

  it('starts with the first screen when no source is the primary display', () => {
    expect(handOut(sources, 99, 4)).toEqual(['screen:1', 'screen:2', 'screen:3', 'screen:1']);
  });

  it('repeats a single screen, so the renderer sees it twice and stops', () => {
    expect(handOut([source('screen:1', '11')], 11, 2)).toEqual(['screen:1', 'screen:1']);
  });

  it('starts over when the screen given last has been unplugged, and gives none without screens', () => {
    expect(nextScreenSource(sources, 11, 'screen:gone')?.id).toBe('screen:1');
    expect(nextScreenSource([], 11, null)).toBeNull();
  });
});

describe('installSessionGuards: the display-media handler', () => {
  type DisplayMediaHandler = NonNullable<Parameters<Session['setDisplayMediaRequestHandler']>[0]>;
  const source = (id: string, displayId: string) => ({ id, name: id, display_id: displayId }) as DesktopCapturerSource;

  /** A session that keeps the handlers main installs, and a capturer that counts its calls. */
  function guarded(sources: DesktopCapturerSource[]) {
    let displayMedia: DisplayMediaHandler | null = null;
    const session = {
      webRequest: { onBeforeRequest: () => undefined },
      setPermissionRequestHandler: () => undefined,
      setPermissionCheckHandler: () => undefined,
      setDisplayMediaRequestHandler: (handler: DisplayMediaHandler) => void (displayMedia = handler),
    } as unknown as Session;
    const capturer = { calls: 0, getSources: async () => (capturer.calls++, sources) };
    const guards = installSessionGuards(session, { trustedOrigin: 'app://tweestap', desktopCapturer: capturer, primaryDisplayId: () => 11, log: () => undefined });
    const request = () =>
      new Promise<string | undefined>((resolve) => {
        const details = { frame: { url: 'app://tweestap/index.html' }, securityOrigin: 'app://tweestap', videoRequested: true, audioRequested: false } as unknown as Parameters<DisplayMediaHandler>[0];
        displayMedia!(details, (streams) => resolve((streams as { video?: DesktopCapturerSource } | null)?.video?.id));
      });
    return { guards, capturer, request };
  }

  // Under Wayland getSources opens the portal's picker at every call and returns the one screen
  // picked: asking per display showed one picker per screen.
  it('asks for the screens once per scan, however many screens the renderer takes', async () => {
    const { guards, capturer, request } = guarded([source('screen:1', '11'), source('screen:2', '22')]);
    guards.beginScan('screen');
    expect([await request(), await request(), await request()]).toEqual(['screen:1', 'screen:2', 'screen:1']);
    expect(capturer.calls).toBe(1);
    guards.beginScan('screen');
    expect(await request()).toBe('screen:1');
    expect(capturer.calls).toBe(2);
  });

  it('gives no screen outside a screen scan (issue 12.2)', async () => {
    const { guards, capturer, request } = guarded([source('screen:1', '11')]);
    expect(await request()).toBeUndefined();
    guards.beginScan('screen');
    expect(await request()).toBe('screen:1');
    guards.endScan('screen');
    expect(await request()).toBeUndefined();
    expect(capturer.calls).toBe(1);
  });

  it('hands the one screen of a Wayland picker out twice, so the renderer stops after one picker', async () => {
    const { guards, capturer, request } = guarded([source('screen:portal', '')]);
    guards.beginScan('screen');
    expect([await request(), await request()]).toEqual(['screen:portal', 'screen:portal']);
    expect(capturer.calls).toBe(1);
  });
});
