/**
 * Checks of the single fields of an account, shared by the URI parser, manual entry and the
 * migration decoder. Each accepts the loose forms real QR generators write and throws a
 * TweestapError of kind 'input' for anything else.
 */
import { TweestapError } from '../errors';
import { ALGORITHMS, DIGITS, MAX_PERIOD_SECONDS, OTP_TYPES, type Algorithm, type Digits, type OtpType } from './types';

/** Longest piece of a rejected value quoted back in an error message. */
const QUOTE_LIMIT = 32;

/** A rejected (never secret) value as it may appear in a message: shortened, always a string. */
export function quoted(value: unknown): string {
  const text = String(value);
  return text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT)}…` : text;
}

/** `totp` or `hotp`, in any letter case. */
export function parseOtpType(text: string): OtpType {
  const type = text.toLowerCase();
  if (!(OTP_TYPES as readonly string[]).includes(type)) throw new TweestapError('input', 'otp.typeUnknown', { type: quoted(text) });
  return type as OtpType;
}

/** `SHA1`, `SHA256` or `SHA512` in any letter case, with or without a hyphen (`sha-256`). */
export function parseAlgorithm(text: string): Algorithm {
  const algorithm = text.toUpperCase().replace(/^SHA-/, 'SHA');
  if (!(ALGORITHMS as readonly string[]).includes(algorithm)) {
    throw new TweestapError('input', 'otp.algorithmUnknown', { algorithm: quoted(text) });
  }
  return algorithm as Algorithm;
}

/** The number of digits, 6, 7 or 8, as a number or a decimal string. */
export function parseDigits(value: string | number): Digits {
  const digits = wholeNumber(value);
  if (digits === null || !(DIGITS as readonly number[]).includes(digits)) {
    throw new TweestapError('input', 'otp.digitsInvalid', { digits: quoted(value) });
  }
  return digits as Digits;
}

/** A TOTP period: whole seconds from 1 to MAX_PERIOD_SECONDS. */
export function parsePeriod(value: string | number): number {
  const period = wholeNumber(value);
  if (period === null || period < 1 || period > MAX_PERIOD_SECONDS) {
    throw new TweestapError('input', 'otp.periodInvalid', { period: quoted(value), max: MAX_PERIOD_SECONDS });
  }
  return period;
}

/** An HOTP counter: a whole number from 0 to Number.MAX_SAFE_INTEGER. */
export function parseCounter(value: string | number): number {
  const counter = wholeNumber(value);
  if (counter === null) {
    throw new TweestapError('input', 'otp.counterInvalid', { counter: quoted(value), max: Number.MAX_SAFE_INTEGER });
  }
  return counter;
}

/** A non-negative safe integer from a number or a string of decimal digits, else null. */
function wholeNumber(value: string | number): number | null {
  if (typeof value === 'string') {
    if (!/^\d{1,16}$/.test(value)) return null;
    value = Number(value);
  }
  return Number.isSafeInteger(value) && value >= 0 ? value : null;
}
