/**
 * What a scanned QR text is, so that anything but an authenticator link is named to the user
 * ("this QR code holds a web link") instead of failing with a parse error.
 */
import { TweestapError } from '../errors';
import type { MessageKey } from '../i18n';

export const QR_TEXT_KINDS = [
  'otpauth',
  'otpauth-migration',
  'web-link',
  'email',
  'phone',
  'sms',
  'wifi',
  'contact',
  'text',
  'empty',
] as const;
export type QrTextKind = (typeof QR_TEXT_KINDS)[number];

/** First match wins: the migration scheme is tested before `otpauth:`, which is its prefix. */
const KIND_PATTERNS: ReadonlyArray<readonly [QrTextKind, RegExp]> = [
  ['otpauth-migration', /^otpauth-migration:/i],
  ['otpauth', /^otpauth:/i],
  ['web-link', /^(https?:\/\/|www\.)/i],
  ['email', /^(mailto:|matmsg:)|^[^\s@:/]+@[^\s@:/]+\.[^\s@:/]+$/i],
  ['phone', /^tel:/i],
  ['sms', /^(sms|smsto|mms|mmsto):/i],
  ['wifi', /^wifi:/i],
  ['contact', /^(begin:vcard|mecard:)/i],
];

const NOT_OTPAUTH_KEYS: Record<Exclude<QrTextKind, 'otpauth'>, MessageKey> = {
  'otpauth-migration': 'otp.notOtpauth.migration',
  'web-link': 'otp.notOtpauth.webLink',
  email: 'otp.notOtpauth.email',
  phone: 'otp.notOtpauth.phone',
  sms: 'otp.notOtpauth.sms',
  wifi: 'otp.notOtpauth.wifi',
  contact: 'otp.notOtpauth.contact',
  text: 'otp.notOtpauth.text',
  empty: 'otp.notOtpauth.empty',
};

/** The kind of a QR code's text (surrounding white space ignored). */
export function describeQrText(text: string): QrTextKind {
  const trimmed = String(text).trim();
  if (trimmed === '') return 'empty';
  return KIND_PATTERNS.find(([, pattern]) => pattern.test(trimmed))?.[0] ?? 'text';
}

/** The error that tells the user what a QR text holds instead of a single authenticator account. */
export function notOtpauthError(kind: Exclude<QrTextKind, 'otpauth'>): TweestapError {
  return new TweestapError('input', NOT_OTPAUTH_KEYS[kind]);
}
