/**
 * Small, strict building blocks shared by the Tweestap backup and the importers of encrypted
 * exports (Aegis, 2FAS): canonical Base64/hex decoding, scrypt with bounded cost, and
 * AES-256-GCM opening that reports an authentication failure as a value instead of an
 * exception. Everything here is node:crypto; nothing here ever logs or returns key material in
 * an error.
 */
import { createCipheriv, createDecipheriv, scryptSync } from 'node:crypto';
import { TweestapError } from '../shared/errors';

/** AES-256-GCM: 32-byte key, 96-bit nonce, 128-bit tag. */
export const GCM_KEY_BYTES = 32;
export const GCM_NONCE_BYTES = 12;
export const GCM_TAG_BYTES = 16;

/** scrypt cost parameters as stored in a file header. */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/**
 * The cost range we accept from a file. Below 2^14 a password is too cheap to guess; above
 * 2^20 (1 GiB at r = 8) or with large r/p a crafted file could stall or exhaust the machine.
 */
export const SCRYPT_LIMITS = {
  minN: 2 ** 14,
  maxN: 2 ** 20,
  maxR: 32,
  maxP: 16,
  /** scrypt needs about 128·N·r bytes. */
  maxMemoryBytes: 2 ** 30,
} as const;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const HEX = /^(?:[0-9a-fA-F]{2})*$/;

/**
 * Decodes standard padded Base64, refusing anything that does not re-encode to the same text
 * (Node's decoder silently skips foreign characters, which would hide tampering).
 */
export function decodeBase64Strict(text: string): Buffer | undefined {
  if (!BASE64.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}

/** Decodes an even-length hex string (either case), or undefined if it is not one. */
export function decodeHexStrict(text: string): Buffer | undefined {
  return HEX.test(text) ? Buffer.from(text, 'hex') : undefined;
}

/** True when N, r and p are whole numbers inside {@link SCRYPT_LIMITS} and N is a power of 2. */
export function isSafeScryptParams({ N, r, p }: ScryptParams): boolean {
  return (
    Number.isSafeInteger(N) &&
    Number.isSafeInteger(r) &&
    Number.isSafeInteger(p) &&
    N >= SCRYPT_LIMITS.minN &&
    N <= SCRYPT_LIMITS.maxN &&
    (N & (N - 1)) === 0 &&
    r >= 1 &&
    r <= SCRYPT_LIMITS.maxR &&
    p >= 1 &&
    p <= SCRYPT_LIMITS.maxP &&
    128 * N * r <= SCRYPT_LIMITS.maxMemoryBytes
  );
}

/** Throws TweestapError `backup.unsafeKdf` (kind input) unless {@link isSafeScryptParams}. */
export function assertSafeScryptParams(params: ScryptParams): void {
  if (!isSafeScryptParams(params)) {
    throw new TweestapError('input', 'backup.unsafeKdf', { N: String(params.N), r: String(params.r), p: String(params.p) });
  }
}

/**
 * Derives a 256-bit key with scrypt. Throws TweestapError `backup.unsafeKdf` (kind input) when
 * the parameters are outside the accepted range, before spending any time or memory on them.
 */
export function deriveScryptKey(password: Uint8Array | string, salt: Uint8Array, params: ScryptParams): Buffer {
  assertSafeScryptParams(params);
  const { N, r, p } = params;
  // Node refuses by default above 32 MiB; allow what these parameters need, plus slack.
  return scryptSync(password, salt, GCM_KEY_BYTES, { N, r, p, maxmem: 2 * 128 * N * r });
}

/** A GCM ciphertext and its tag, kept apart (formats differ in where they store the tag). */
export interface Sealed {
  ciphertext: Buffer;
  tag: Buffer;
}

/** Encrypts with AES-256-GCM; `aad` is authenticated but not encrypted. */
export function sealAesGcm(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, aad?: Uint8Array): Sealed {
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: GCM_TAG_BYTES });
  if (aad) cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { ciphertext, tag: cipher.getAuthTag() };
}

/**
 * Decrypts with AES-256-GCM. Returns undefined when the key, nonce or tag has the wrong length
 * or authentication fails (wrong key or changed data: GCM cannot tell which).
 */
export function openAesGcm(key: Uint8Array, nonce: Uint8Array, sealed: Sealed, aad?: Uint8Array): Buffer | undefined {
  if (key.length !== GCM_KEY_BYTES || nonce.length !== GCM_NONCE_BYTES || sealed.tag.length !== GCM_TAG_BYTES) {
    return undefined;
  }
  const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: GCM_TAG_BYTES });
  decipher.setAuthTag(sealed.tag);
  if (aad) decipher.setAAD(aad);
  try {
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
  } catch {
    return undefined; // authentication failure; the cause is deliberately not distinguishable
  }
}

/** Parses JSON, or returns undefined (never throws) for text that is not JSON. */
export function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
