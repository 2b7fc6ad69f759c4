/**
 * Secrets in canonical Base32 (RFC 4648 alphabet, upper case, no padding), and the check of a
 * whole account. Base32 <-> bytes goes through otpauth's `Secret`.
 */
import { Secret } from 'otpauth';
import type { UserMessage } from '../api';
import { TweestapError } from '../errors';
import { parseAlgorithm, parseCounter, parseDigits, parseOtpType, parsePeriod } from './fields';
import { displayName } from './label';
import { checkLabelCharacters } from './label-safety';
import type { OtpParams } from './types';

/**
 * The longest key accepted: 128 bytes (1024 bits), the block size of HMAC-SHA-512, four times
 * what any issuer uses. A longer "key" is no real one, and it would only cost memory and time.
 */
export const MAX_SECRET_BYTES = 128;
/** RFC 4226 §4 requires at least 128 bits (and recommends 160); shorter keys are added with a warning. */
export const MIN_SECRET_BITS = 128;
/** Base32 characters (5 bits each) of the longest key. */
const MAX_SECRET_CHARACTERS = Math.ceil((MAX_SECRET_BYTES * 8) / 5);

/** A lone UTF-16 surrogate cannot be encoded in a URI, JSON file or protobuf string. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Canonical Base32 of a secret as people and QR generators write it: lower case, grouped with
 * spaces or hyphens, with or without `=` padding. Throws `otp.secretEmpty`,
 * `otp.secretNotBase32`, `otp.secretTooShort` (a key that decodes to no byte at all) or
 * `otp.secretTooLong` (over {@link MAX_SECRET_BYTES}); the message never quotes the secret.
 */
export function normalizeSecret(input: string): string {
  const secret = String(input).replace(/[\s-]+/g, '').replace(/=+$/, '').toUpperCase();
  if (secret === '') throw new TweestapError('input', 'otp.secretEmpty');
  if (secret.length > MAX_SECRET_CHARACTERS) throw new TweestapError('input', 'otp.secretTooLong', { max: MAX_SECRET_BYTES * 8 });
  if (!/^[A-Z2-7]+$/.test(secret)) throw new TweestapError('input', 'otp.secretNotBase32');
  // 5 bits per character: fewer than 8 bits is no key. Trailing spare bits are tolerated, as
  // Google Authenticator and otpauth do.
  if (secret.length * 5 < 8) throw new TweestapError('input', 'otp.secretTooShort');
  return secret;
}

/** The number of key bits in a secret (whole bytes, as it is decoded). */
export function secretBits(secret: string): number {
  return Math.floor((normalizeSecret(secret).length * 5) / 8) * 8;
}

/**
 * A warning for each account whose key is shorter than RFC 4226's 128 bits: it is added (the
 * issuer chose it), but the user is told that such a key is easier to guess.
 */
export function weakSecretWarnings(accounts: readonly OtpParams[]): UserMessage[] {
  return accounts.flatMap((account): UserMessage[] => {
    const bits = secretBits(account.secret);
    return bits < MIN_SECRET_BITS ? [{ key: 'otp.secretWeak', params: { name: displayName(account), bits, min: MIN_SECRET_BITS } }] : [];
  });
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
