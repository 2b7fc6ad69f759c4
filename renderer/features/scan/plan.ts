/**
 * What to do with the texts a scan found (screen, webcam or image): pure, so it is unit tested.
 * Authenticator links go on to main; anything else is named and never sent.
 */
import { describeQrText, notOtpauthError, type QrTextKind } from '../../../shared/otp/qr-text';
import { TweestapError } from '../../../shared/errors';
import type { WindowMessageKey } from '../../i18n/messages';

/**
 * - `none`: no QR code at all;
 * - `other`: only codes that are not for an authenticator (the error names the first one);
 * - `add`: send these links in order (one account, or Google export parts);
 * - `pick`: several accounts in one shot: the user picks one or adds all.
 */
export type ScanPlan =
  | { kind: 'none' }
  | { kind: 'other'; error: TweestapError }
  | { kind: 'add'; uris: string[] }
  | { kind: 'pick'; uris: string[] };

/** Decides from every QR text found (duplicates ignored, order kept). */
export function planScan(texts: readonly string[]): ScanPlan {
  const unique = [...new Set(texts.map((text) => text.trim()))];
  if (unique.length === 0) return { kind: 'none' };
  const links = unique.filter((text) => describeQrText(text) === 'otpauth');
  const parts = unique.filter((text) => describeQrText(text) === 'otpauth-migration');
  if (links.length > 1) return { kind: 'pick', uris: [...links, ...parts] };
  if (links.length + parts.length > 0) return { kind: 'add', uris: [...links, ...parts] };
  // Neither kind above, so the first text is some other kind: name it.
  return { kind: 'other', error: notOtpauthError(describeQrText(unique[0] ?? '') as Exclude<QrTextKind, 'otpauth'>) };
}

/** Where the scan came from, for the message when nothing was found. */
export type ScanSource = 'screen' | 'webcam' | 'image';

const NONE_FOUND: Record<ScanSource, WindowMessageKey> = {
  screen: 'app.scan.screen.noQr',
  webcam: 'app.scan.noQr',
  image: 'app.image.noQr',
};

/** The error for a scan that found no QR code, with what to try for that source. */
export function noQrError(source: ScanSource): TweestapError {
  return new TweestapError('input', NONE_FOUND[source]);
}
