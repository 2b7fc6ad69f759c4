import { describe, expect, it } from 'vitest';
import { TweestapError } from '../../../../shared/errors';
import { ApiError } from '../../../../renderer/api-error';
import { mediaError } from '../../../../renderer/features/scan/media-errors';

/** What browsers throw: a DOMException-like object with a spec name. */
const domError = (name: string) => Object.assign(new Error('browser text'), { name });

describe('mediaError', () => {
  it.each([
    ['NotFoundError', 'linux', 'app.scan.camera.none'],
    ['OverconstrainedError', 'win32', 'app.scan.camera.none'],
    ['NotAllowedError', 'linux', 'app.scan.camera.denied'],
    ['SecurityError', 'win32', 'app.scan.camera.denied'],
    ['NotAllowedError', 'darwin', 'app.scan.camera.macGuide'],
    ['NotReadableError', 'darwin', 'app.scan.camera.busy'],
    ['AbortError', 'linux', 'app.scan.camera.busy'],
    ['TypeError', 'linux', 'app.scan.camera.failed'],
  ] as const)('camera %s on %s → %s', (name, platform, key) => {
    expect(mediaError(domError(name), 'camera', platform).key).toBe(key);
  });

  it.each([
    ['NotAllowedError', 'linux', 'app.scan.screen.denied'],
    ['NotAllowedError', 'darwin', 'app.scan.screen.macGuide'],
    ['NotReadableError', 'darwin', 'app.scan.screen.failed'],
    ['NotSupportedError', 'win32', 'app.scan.screen.failed'],
  ] as const)('screen %s on %s → %s', (name, platform, key) => {
    expect(mediaError(domError(name), 'screen', platform).key).toBe(key);
  });

  it('passes a TweestapError (e.g. from the decoder) through and copes with a non-error', () => {
    const decoder = new TweestapError('internal', 'qr.decoderUnavailable');
    expect(mediaError(decoder, 'camera', 'linux')).toBe(decoder);
    expect(mediaError('weird', 'screen', undefined).key).toBe('app.scan.screen.failed');
    expect(mediaError(domError('NotAllowedError'), 'camera', undefined).message).not.toContain('browser text');
  });

  it("shows main's own refusal before a scan (the macOS settings guide), for the screen and the camera", () => {
    for (const [kind, key] of [['screen', 'app.scan.screen.macGuide'], ['camera', 'app.scan.camera.macGuide']] as const) {
      const refusal = new ApiError('input', key, {});
      expect(mediaError(refusal, kind, 'darwin')).toBe(refusal);
    }
  });
});
