/**
 * Follows docs/api/system-preferences.md (Electron 45): getMediaAccessStatus is _Windows_ _macOS_
 * only, so on Linux the stand-in has no such method (calling it fails as it would in Electron).
 * On other platforms it answers from ELECTRON_STAND_IN_MEDIA_ACCESS ('granted' unless the test
 * sets 'denied', 'not-determined', 'restricted' or 'unknown') and records the call.
 */
import type { SystemPreferences } from 'electron';
import { record } from './record';

const base: Record<string, unknown> = {};
if (process.platform === 'darwin' || process.platform === 'win32') {
  base.getMediaAccessStatus = (mediaType: string) => {
    record('systemPreferences', 'getMediaAccessStatus', mediaType);
    return process.env.ELECTRON_STAND_IN_MEDIA_ACCESS ?? 'granted';
  };
}

export const systemPreferences = base as unknown as SystemPreferences;
