import type { DesktopCapturerSource, Session } from 'electron';
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, installSessionGuards, isPermissionGranted, isTrustedUrl, nextScreenSource, originOf } from '../../../electron/security';

const OURS = `${APP_ORIGIN}/index.html`;

describe('isPermissionGranted', () => {
  it.each([
    ['camera video', 'media', ['video']],
    ['screen capture', 'display-capture', []],
  ])('grants %s to our origin', (_name, permission, mediaTypes) => {
    expect(isPermissionGranted({ permission, requestingUrl: OURS, mediaTypes }, APP_ORIGIN)).toBe(true);
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
  ])('denies %s even to our origin', (_name, permission, mediaTypes) => {
    expect(isPermissionGranted({ permission, requestingUrl: OURS, mediaTypes }, APP_ORIGIN)).toBe(false);
  });

  it.each(['https://evil.example/', 'app://other/index.html', 'file:///etc/passwd', 'http://127.0.0.1:5173/', '', undefined])('denies camera and screen to %s', (url) => {
    expect(isPermissionGranted({ permission: 'media', requestingUrl: url, mediaTypes: ['video'] }, APP_ORIGIN)).toBe(false);
    expect(isPermissionGranted({ permission: 'display-capture', requestingUrl: url, mediaTypes: [] }, APP_ORIGIN)).toBe(false);
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
    guards.restartScreens();
    expect([await request(), await request(), await request()]).toEqual(['screen:1', 'screen:2', 'screen:1']);
    expect(capturer.calls).toBe(1);
    guards.restartScreens();
    expect(await request()).toBe('screen:1');
    expect(capturer.calls).toBe(2);
  });

  it('hands the one screen of a Wayland picker out twice, so the renderer stops after one picker', async () => {
    const { guards, capturer, request } = guarded([source('screen:portal', '')]);
    guards.restartScreens();
    expect([await request(), await request()]).toEqual(['screen:portal', 'screen:portal']);
    expect(capturer.calls).toBe(1);
  });
});
