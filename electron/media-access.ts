/**
 * macOS privacy permissions for the camera and the screen. Without them macOS hands us black
 * frames or an error, which would read as "no QR code found"; the user needs the guide to
 * System Settings instead. Other systems ask in their own way (Wayland's portal) or not at all.
 */
import type { MessageKey } from '../shared/i18n';

export type MediaKind = 'camera' | 'screen';
/** `systemPreferences.getMediaAccessStatus` (system-preferences.md, macOS). */
export type MediaAccessStatus = 'not-determined' | 'granted' | 'denied' | 'restricted' | 'unknown';

/**
 * What to do before a scan: go ahead, ask macOS (only the camera can be asked, with
 * `askForMediaAccess`), or show the guide to the setting that blocks us.
 */
export function mediaAccessStep(platform: NodeJS.Platform, kind: MediaKind, status: MediaAccessStatus): 'proceed' | 'ask' | 'guide' {
  if (platform !== 'darwin' || status === 'granted') return 'proceed';
  if (kind === 'camera' && status === 'not-determined') return 'ask';
  return 'guide';
}

/** The guide shown when macOS blocks `kind`. */
export const MEDIA_ACCESS_GUIDE: Record<MediaKind, MessageKey> = {
  camera: 'app.scan.camera.macGuide',
  screen: 'app.scan.screen.macGuide',
};

/**
 * Whether "Hide from screen capture" (`setContentProtection`) works here: on Windows, and on
 * macOS before 15, whose ScreenCaptureKit ignores it; Linux has no such protection.
 * `systemVersion`: `process.getSystemVersion()` (e.g. "14.6.1").
 */
export function contentProtectionWorks(platform: NodeJS.Platform, systemVersion: string): boolean {
  if (platform === 'win32') return true;
  if (platform !== 'darwin') return false;
  const major = Number.parseInt(systemVersion, 10);
  return Number.isFinite(major) && major < 15;
}
