/**
 * Small, strict building blocks shared by the Tweestap backup and the importers of encrypted
 * exports (Aegis, 2FAS): canonical Base64/hex decoding, scrypt with bounded cost, and
 * AES-256-GCM opening that reports an authentication failure as a value instead of an
 * exception. Everything here is node:crypto; nothing here ever logs or returns key material in
 * an error. Key derivation is asynchronous (libuv's thread pool), so it never blocks the event
 * loop: in the app that is Electron's main process, with the tray and the clipboard timer.
 */
import { createCipheriv, createDecipheriv, pbkdf2, scrypt } from 'node:crypto';
import { TweestapError } from '../shared/errors';

/** AES-256-GCM: 32-byte key, 96-bit nonce, 128-bit tag. */
const GCM_KEY_BYTES = 32;
export const GCM_NONCE_BYTES = 12;
export const GCM_TAG_BYTES = 16;

/** scrypt cost parameters as stored in a file header. */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/**
 * The cost range we accept from a file. Below 2^14 a password is too cheap to guess. Above the
 * memory and work bounds a crafted file could stall or exhaust the machine: scrypt needs about
 * 128·N·r bytes and its time grows with 128·N·r·p. The work bound is for all the key
 * derivations one file asks for together (an Aegis vault has one per password slot): twice the
 * cost of a Tweestap backup (N 2^17, r 8, p 1), about 0.9 s on a slow PC for the one run and
 * under 2 s for the whole bound (`npm run bench:security` measures it).
 */
export const SCRYPT_LIMITS = {
  minN: 2 ** 14,
  maxN: 2 ** 20,
  maxR: 32,
  maxP: 16,
  /** One run's memory, 128·N·r bytes: 256 MiB. */
  maxMemoryBytes: 2 ** 28,
  /** All runs of one file together, Σ 128·N·r·p: 256 MiB of mixing. */
  maxTotalWork: 2 ** 28,
} as const;

const HEX = /^(?:[0-9a-fA-F]{2})*$/;

/**
 * Decodes standard padded Base64, refusing anything that does not re-encode to the same text:
 * Node's decoder silently skips foreign characters and accepts the URL alphabet and missing
 * padding, none of which survive the round trip. Linear in the length (a pattern with a
 * repeated group overflowed the regular-expression stack above about 4.5 MB).
 */
export function decodeBase64Strict(text: string): Buffer | undefined {
  if (text.length % 4 !== 0) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}

/** Decodes an even-length hex string (either case), or undefined if it is not one. */
export function decodeHexStrict(text: string): Buffer | undefined {
  return HEX.test(text) ? Buffer.from(text, 'hex') : undefined;
}

/** True when N, r and p are whole numbers inside {@link SCRYPT_LIMITS} and N is a power of 2. */
function isSafeScryptParams({ N, r, p }: ScryptParams): boolean {
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
    128 * N * r <= SCRYPT_LIMITS.maxMemoryBytes &&
    scryptWork({ N, r, p }) <= SCRYPT_LIMITS.maxTotalWork
  );
}

/** The work of one scrypt run, 128·N·r·p (what its time grows with). */
function scryptWork({ N, r, p }: ScryptParams): number {
  return 128 * N * r * p;
}

/** Throws TweestapError `backup.unsafeKdf` (kind input) unless {@link isSafeScryptParams}. */
export function assertSafeScryptParams(params: ScryptParams): void {
  if (!isSafeScryptParams(params)) {
    throw new TweestapError('input', 'backup.unsafeKdf', { N: String(params.N), r: String(params.r), p: String(params.p) });
  }
}

/**
 * Checks every key derivation a file asks for, before any of them runs: each must be
 * {@link isSafeScryptParams} (else `backup.unsafeKdf`), and together they must stay within
 * `SCRYPT_LIMITS.maxTotalWork` (else `backup.kdfTooCostly`, with their number).
 */
export function assertScryptBudget(runs: readonly ScryptParams[]): void {
  for (const params of runs) assertSafeScryptParams(params);
  const total = runs.reduce((sum, params) => sum + scryptWork(params), 0);
  if (total > SCRYPT_LIMITS.maxTotalWork) throw new TweestapError('input', 'backup.kdfTooCostly', { count: runs.length });
}

/**
 * Derives a 256-bit key with scrypt, off the event loop. Throws TweestapError
 * `backup.unsafeKdf` (kind input) when the parameters are outside the accepted range, before
 * spending any time or memory on them. A file with several derivations checks them all first
 * with {@link assertScryptBudget}.
 */
export function deriveScryptKey(password: Uint8Array | string, salt: Uint8Array, params: ScryptParams): Promise<Buffer> {
  assertSafeScryptParams(params);
  const { N, r, p } = params;
  // Node refuses by default above 32 MiB; allow what these parameters need, plus slack.
  const options = { N, r, p, maxmem: 2 * 128 * N * r };
  return new Promise((resolve, reject) => {
    scrypt(password, salt, GCM_KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** PBKDF2-HMAC-SHA256 to a 256-bit key, off the event loop (2FAS; its cost is fixed by the format). */
export function derivePbkdf2Sha256Key(password: Uint8Array | string, salt: Uint8Array, iterations: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    pbkdf2(password, salt, iterations, GCM_KEY_BYTES, 'sha256', (error, key) => (error ? reject(error) : resolve(key)));
  });
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
