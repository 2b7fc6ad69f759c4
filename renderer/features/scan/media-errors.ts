/**
 * Camera and screen-capture failures as messages the user can act on. Browsers report them as
 * DOMExceptions named by the spec (NotAllowedError, NotFoundError, NotReadableError...); macOS
 * adds a guide to the Privacy & Security setting that blocks us.
 */
import { TweestapError } from '../../../shared/errors';
import { ApiError } from '../../api-error';
import type { WindowMessageKey } from '../../i18n/messages';
import type { AppInfo } from '../../../shared/api';

export type MediaKind = 'camera' | 'screen';

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string' ? error.name : '';
}

const CAMERA_KEYS: Record<string, WindowMessageKey> = {
  NotFoundError: 'app.scan.camera.none',
  OverconstrainedError: 'app.scan.camera.none',
  NotAllowedError: 'app.scan.camera.denied',
  SecurityError: 'app.scan.camera.denied',
  NotReadableError: 'app.scan.camera.busy',
  AbortError: 'app.scan.camera.busy',
};

/**
 * The error to show for a failed getUserMedia (`camera`) or getDisplayMedia (`screen`). A
 * TweestapError passes through unchanged, and so does main's own refusal before a scan (an
 * ApiError: on macOS the settings guide when the OS does not let us film); on macOS a refusal by
 * the browser becomes the settings guide too.
 */
export function mediaError(error: unknown, kind: MediaKind, platform: AppInfo['platform'] | undefined): TweestapError | ApiError {
  if (error instanceof TweestapError || error instanceof ApiError) return error;
  const name = errorName(error);
  const denied = name === 'NotAllowedError' || name === 'SecurityError';
  if (kind === 'screen') {
    if (denied) return new TweestapError('input', platform === 'darwin' ? 'app.scan.screen.macGuide' : 'app.scan.screen.denied');
    return new TweestapError('internal', 'app.scan.screen.failed');
  }
  if (denied && platform === 'darwin') return new TweestapError('input', 'app.scan.camera.macGuide');
  const key = CAMERA_KEYS[name];
  return key ? new TweestapError(name === 'NotFoundError' ? 'not-found' : 'input', key) : new TweestapError('internal', 'app.scan.camera.failed');
}
