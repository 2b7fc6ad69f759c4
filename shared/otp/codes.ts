/**
 * HOTP and TOTP codes. The HMAC truncation is otpauth's `HOTP.generate`; the time-step
 * arithmetic is ours, one exact division of integer milliseconds, rather than otpauth's
 * `TOTP.counter`, which divides twice in floating point (seconds, then period). Time is always a parameter (Unix ms), never read from a clock here.
 */
import { HOTP, Secret } from 'otpauth';
import { TweestapError } from '../errors';
import { parsePeriod } from './fields';
import { validateOtpParams } from './secret';
import type { OtpParams, TotpCode } from './types';

/** Largest window (steps or counters on each side) a caller may ask for. */
export const MAX_WINDOW = 1000;

/** An account checked once, with its key ready for repeated HMACs. */
interface PreparedAccount {
  params: OtpParams;
  secret: Secret;
}

/** The TOTP code of the step that contains `atMs`, with when it became and stops being valid. */
export function totpAt(p: OtpParams, atMs: number): TotpCode {
  const account = prepare(p, 'totp');
  return totpCodeOfStep(account, totpStep(account.params.period, atMs));
}

/**
 * The codes of steps −window…+window around `atMs`, oldest first. Steps before 1970 do not
 * exist and are left out.
 */
export function totpWindow(p: OtpParams, atMs: number, window: number): TotpCode[] {
  const account = prepare(p, 'totp');
  const step = totpStep(account.params.period, atMs);
  return around(window)
    .filter((offset) => step + offset >= 0)
    .map((offset) => totpCodeOfStep(account, step + offset));
}

/** The HOTP code for `counter` (a whole number up to Number.MAX_SAFE_INTEGER). */
export function hotpCode(p: OtpParams, counter: number): string {
  const account = prepare(p, 'hotp');
  return codeOf(account, checkCounter(counter));
}

/**
 * Checks a TOTP code against the steps −window…+window around `atMs`. Returns the step offset of
 * the match (the smallest |offset|, the past before the future), or null. A code that is not
 * `digits` digits (white space ignored) is bad input, not a failed check.
 */
export function verifyTotp(p: OtpParams, code: string, atMs: number, window: number): number | null {
  const account = prepare(p, 'totp');
  const wanted = checkCode(code, account.params.digits);
  const step = totpStep(account.params.period, atMs);
  const candidates = nearestFirst(window).filter((offset) => step + offset >= 0);
  return candidates.find((offset) => sameCode(codeOf(account, step + offset), wanted)) ?? null;
}

/**
 * Checks an HOTP code against counters p.counter … p.counter + window. Returns the counter
 * offset of the first match (the caller then stores p.counter + offset + 1), or null.
 */
export function verifyHotp(p: OtpParams, code: string, window: number): number | null {
  const account = prepare(p, 'hotp');
  const wanted = checkCode(code, account.params.digits);
  const { counter } = account.params;
  const ahead = Array.from({ length: checkWindow(window) + 1 }, (_, i) => i);
  const candidates = ahead.filter((offset) => Number.isSafeInteger(counter + offset));
  return candidates.find((offset) => sameCode(codeOf(account, counter + offset), wanted)) ?? null;
}

/**
 * The TOTP step number of a moment: floor(atMs / (period × 1000)). Exact for every moment a
 * double holds as an integer (both operands are integers below 2^53, so the one division
 * rounds to the right side of every step boundary). Fractions of a millisecond are dropped.
 */
export function totpStep(period: number, atMs: number): number {
  const ms = Math.floor(atMs);
  if (!Number.isSafeInteger(ms) || ms < 0) throw new TweestapError('input', 'otp.timeInvalid');
  return Math.floor(ms / (parsePeriod(period) * 1000));
}

function prepare(p: OtpParams, type: OtpParams['type']): PreparedAccount {
  // Names play no part in a code: an account stored before names were checked (issue 12.4) keeps
  // its codes, however its name is written; only adding and renaming refuse such names.
  const params = validateOtpParams({ ...p, issuer: '', account: '' });
  if (params.type !== type) throw new TweestapError('input', type === 'totp' ? 'otp.notTotp' : 'otp.notHotp');
  return { params, secret: Secret.fromBase32(params.secret) };
}

function totpCodeOfStep(account: PreparedAccount, step: number): TotpCode {
  const periodMs = account.params.period * 1000;
  return { step, code: codeOf(account, step), validFrom: step * periodMs, validUntil: (step + 1) * periodMs };
}

function codeOf({ params, secret }: PreparedAccount, counter: number): string {
  return HOTP.generate({ secret, algorithm: params.algorithm, digits: params.digits, counter });
}

function checkWindow(window: number): number {
  if (!Number.isInteger(window) || window < 0 || window > MAX_WINDOW) {
    throw new TweestapError('input', 'otp.windowInvalid', { max: MAX_WINDOW });
  }
  return window;
}

/** −window … +window. */
function around(window: number): number[] {
  return Array.from({ length: 2 * checkWindow(window) + 1 }, (_, i) => i - window);
}

/** 0, −1, +1, −2, +2, …: the nearest step first, the past before the future. */
function nearestFirst(window: number): number[] {
  return [0, ...Array.from({ length: checkWindow(window) }, (_, i) => [-(i + 1), i + 1]).flat()];
}

function checkCounter(counter: number): number {
  if (!Number.isSafeInteger(counter) || counter < 0) {
    throw new TweestapError('input', 'otp.counterInvalid', { counter: String(counter), max: Number.MAX_SAFE_INTEGER });
  }
  return counter;
}

/** The typed code without white space; throws `otp.codeMalformed` unless it is `digits` digits. */
function checkCode(code: string, digits: number): string {
  const wanted = String(code).replace(/\s+/g, '');
  if (!new RegExp(`^\\d{${digits}}$`).test(wanted)) throw new TweestapError('input', 'otp.codeMalformed', { digits });
  return wanted;
}

/** Compares two equally long codes without stopping at the first difference. */
function sameCode(a: string, b: string): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
