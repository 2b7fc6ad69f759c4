/**
 * Secrets in canonical Base32 (RFC 4648 alphabet, upper case, no padding), and the check of a
 * whole account. Base32 <-> bytes goes through otpauth's `Secret`.
 */
import { Secret } from 'otpauth';
import { TweestapError } from '../errors';
import { parseAlgorithm, parseCounter, parseDigits, parseOtpType, parsePeriod } from './fields';
import { checkLabelCharacters } from './label-safety';
import type { OtpParams } from './types';

/** A lone UTF-16 surrogate cannot be encoded in a URI, JSON file or protobuf string. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Canonical Base32 of a secret as people and QR generators write it: lower case, grouped with
 * spaces or hyphens, with or without `=` padding. Throws `otp.secretEmpty`,
 * `otp.secretNotBase32` or `otp.secretTooShort` (a key that decodes to no byte at all); the
 * message never quotes the secret.
 */
export function normalizeSecret(input: string): string {
  const secret = String(input).replace(/[\s-]+/g, '').replace(/=+$/, '').toUpperCase();
  if (secret === '') throw new TweestapError('input', 'otp.secretEmpty');
  if (!/^[A-Z2-7]+$/.test(secret)) throw new TweestapError('input', 'otp.secretNotBase32');
  // 5 bits per character: fewer than 8 bits is no key. Trailing spare bits are tolerated, as
  // Google Authenticator and otpauth do.
  if (secret.length * 5 < 8) throw new TweestapError('input', 'otp.secretTooShort');
  return secret;
}

/** The key bytes of a secret (any form normalizeSecret accepts). */
export function secretBytes(secret: string): Uint8Array {
  return Secret.fromBase32(normalizeSecret(secret)).bytes;
}

/** Canonical Base32 of key bytes. */
export function secretFromBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new TweestapError('input', 'otp.secretEmpty');
  return new Secret({ buffer: bytes.slice().buffer }).base32.replace(/=+$/, '');
}

/**
 * Checks every field of an account (data from JSON, IPC or a form is not trusted to match its
 * type) and returns a canonical copy: secret normalized, labels trimmed, decimal strings for
 * digits, period and counter turned into numbers, TOTP counter 0. Throws a TweestapError of
 * kind 'input' naming the first bad field (never quoting the secret).
 */
export function validateOtpParams(p: OtpParams): OtpParams {
  const type = parseOtpType(String(p.type));
  return {
    type,
    issuer: checkLabel(p.issuer),
    account: checkLabel(p.account),
    secret: normalizeSecret(typeof p.secret === 'string' ? p.secret : ''),
    algorithm: parseAlgorithm(String(p.algorithm)),
    digits: parseDigits(p.digits),
    period: parsePeriod(p.period),
    counter: type === 'hotp' ? parseCounter(p.counter) : 0,
  };
}

/**
 * An issuer or account name: a string without lone surrogates and without hidden characters
 * (checked before trimming, which would drop some of them silently), trimmed.
 */
function checkLabel(label: unknown): string {
  if (typeof label !== 'string' || LONE_SURROGATE.test(label)) throw new TweestapError('input', 'otp.labelInvalid');
  return checkLabelCharacters(label).trim();
}
