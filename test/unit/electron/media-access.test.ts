import { describe, expect, it } from 'vitest';
import { contentProtectionWorks, mediaAccessStep } from '../../../electron/media-access';

describe('mediaAccessStep', () => {
  it('shows the guide on macOS when screen recording is denied or not yet decided (instead of "no QR code found")', () => {
    expect(mediaAccessStep('darwin', 'screen', 'denied')).toBe('guide');
    expect(mediaAccessStep('darwin', 'screen', 'not-determined')).toBe('guide');
    expect(mediaAccessStep('darwin', 'screen', 'restricted')).toBe('guide');
    expect(mediaAccessStep('darwin', 'screen', 'granted')).toBe('proceed');
  });

  it('asks macOS for the camera when undecided, and guides when denied', () => {
    expect(mediaAccessStep('darwin', 'camera', 'not-determined')).toBe('ask');
    expect(mediaAccessStep('darwin', 'camera', 'denied')).toBe('guide');
    expect(mediaAccessStep('darwin', 'camera', 'granted')).toBe('proceed');
  });

  it('goes ahead on Windows and Linux, where macOS statuses do not apply', () => {
    expect(mediaAccessStep('win32', 'screen', 'unknown')).toBe('proceed');
    expect(mediaAccessStep('linux', 'camera', 'denied')).toBe('proceed');
  });
});

describe('contentProtectionWorks', () => {
  it('works on Windows and on macOS before 15 only', () => {
    expect(contentProtectionWorks('win32', '10.0.22631')).toBe(true);
    expect(contentProtectionWorks('darwin', '14.6.1')).toBe(true);
    expect(contentProtectionWorks('darwin', '15.0')).toBe(false);
    expect(contentProtectionWorks('darwin', '26.1')).toBe(false);
    expect(contentProtectionWorks('linux', '6.8.0')).toBe(false);
  });
});
