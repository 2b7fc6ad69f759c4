/**
 * Tweestap's encrypted backup file: every account (secrets included) sealed with a password the
 * user chooses. scrypt turns the password into a key, AES-256-GCM encrypts the accounts and
 * authenticates the header line as additional data, so any change to either is detected.
 * The layout is documented byte by byte in docs/backup-format.md; change both together.
 *
 * These are pure functions over bytes: reading a backup either returns every account or throws a
 * TweestapError (kind input), so a restore can decrypt first and change nothing on failure.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { TweestapError } from '../shared/errors';
import { MAX_ACCOUNTS, MAX_BACKUP_BYTES } from '../shared/limits';
import type { OtpParams } from '../shared/otp/types';
import {
  assertSafeScryptParams,
  decodeBase64Strict,
  deriveScryptKey,
  GCM_NONCE_BYTES,
  GCM_TAG_BYTES,
  openAesGcm,
  parseJsonOrUndefined,
  sealAesGcm,
  type Sealed,
  type ScryptParams,
} from './encryption';
import { toOtpParams, type LooseAccountFields } from './account-fields';

export const BACKUP_FORMAT = 'tweestap-backup';

/** The extension of a backup file (without the dot): its name, and the save dialog's filter. */
export const BACKUP_EXTENSION = 'tweestap';
const BACKUP_VERSION = 1;
/** scrypt cost written by default: 2^17 needs 128 MiB and about a quarter second. */
export const DEFAULT_SCRYPT_N = 2 ** 17;
const SCRYPT_R = 8;
const SCRYPT_P = 1;
const SALT_BYTES = 32;

/** Every backup starts with these bytes (the header's first member is always `format`). */
const MAGIC = Buffer.from(`{"format":"${BACKUP_FORMAT}",`, 'ascii');
const NEWLINE = 0x0a;

/** What a backup holds once decrypted. */
export interface BackupContents {
  /** When the backup was made, Unix milliseconds. */
  createdAt: number;
  accounts: OtpParams[];
}

/** A backup file split into its parts and checked, before any key is derived. */
export interface BackupEnvelope {
  /** The exact header line (without its newline): the AES-GCM additional data. */
  header: Buffer;
  kdf: ScryptParams & { salt: Buffer };
  nonce: Buffer;
  sealed: Sealed;
}

const headerSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  kdf: z.strictObject({
    name: z.literal('scrypt'),
    N: z.number().int(),
    r: z.number().int(),
    p: z.number().int(),
    salt: z.string(),
  }),
  cipher: z.strictObject({ name: z.literal('aes-256-gcm'), nonce: z.string() }),
});

const contentsSchema = z.strictObject({
  createdAt: z.number().int().nonnegative(),
  accounts: z.array(z.unknown()).max(MAX_ACCOUNTS),
});

const storedAccountSchema = z.strictObject({
  type: z.string(),
  issuer: z.string(),
  account: z.string(),
  secret: z.string(),
  algorithm: z.string(),
  digits: z.number(),
  period: z.number(),
  counter: z.number(),
});

/**
 * {@link toOtpParams}, or `invalidKey` naming the account's 1-based `index` (without the shared/otp
 * detail). A name with hidden characters (stored by a version before they were refused) keeps its
 * own error, so the user knows why and can rename it first.
 */
function toStoredParams(
  fields: LooseAccountFields,
  invalidKey: 'backup.accountInvalid' | 'backup.contentInvalid',
  index: number,
): OtpParams {
  try {
    return toOtpParams(fields);
  } catch (error) {
    if (error instanceof TweestapError && error.key === 'otp.labelHiddenCharacter') throw error;
    throw new TweestapError('input', invalidKey, { index });
  }
}

/** One decrypted account, or `backup.contentInvalid` naming its 1-based index. */
function readStoredAccount(raw: unknown, index: number): OtpParams {
  const stored = storedAccountSchema.safeParse(raw);
  if (!stored.success) throw new TweestapError('input', 'backup.contentInvalid', { index });
  return toStoredParams(stored.data, 'backup.contentInvalid', index);
}

/** Unicode-normalises the password, so the same typed password works on every OS and keyboard. */
function passwordBytes(password: string): Buffer {
  return Buffer.from(password.normalize('NFC'), 'utf8');
}

/**
 * Encrypts `accounts` into a backup file protected by `password`.
 * `scryptN` lowers or raises the cost (tests only; still at least 2^14); `createdAt` defaults to
 * now. Throws TweestapError (kind input) `backup.passwordEmpty`, `otp.timeInvalid`,
 * `backup.tooManyAccounts`, `backup.accountInvalid` (with the 1-based index), `backup.unsafeKdf`
 * or `backup.tooLarge`: it never writes a file that decryptBackup would refuse. scrypt runs off
 * the event loop.
 */
export async function encryptBackup(
  accounts: OtpParams[],
  password: string,
  options: { createdAt?: number; scryptN?: number } = {},
): Promise<Buffer> {
  if (password.length === 0) throw new TweestapError('input', 'backup.passwordEmpty');
  const createdAt = options.createdAt ?? Date.now();
  if (!Number.isSafeInteger(createdAt) || createdAt < 0) throw new TweestapError('input', 'otp.timeInvalid');
  // Never write a backup the reader would refuse.
  if (accounts.length > MAX_ACCOUNTS) {
    throw new TweestapError('input', 'backup.tooManyAccounts', { count: accounts.length, max: MAX_ACCOUNTS });
  }
  const stored = accounts.map((account, index) => toStoredParams(account, 'backup.accountInvalid', index + 1));
  const kdf = { N: options.scryptN ?? DEFAULT_SCRYPT_N, r: SCRYPT_R, p: SCRYPT_P, salt: randomBytes(SALT_BYTES) };
  const nonce = randomBytes(GCM_NONCE_BYTES);
  const key = await deriveScryptKey(passwordBytes(password), kdf.salt, kdf);
  const header = Buffer.from(
    JSON.stringify({
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      kdf: { name: 'scrypt', N: kdf.N, r: kdf.r, p: kdf.p, salt: kdf.salt.toString('base64') },
      cipher: { name: 'aes-256-gcm', nonce: nonce.toString('base64') },
    }),
    'ascii',
  );
  const plaintext = Buffer.from(JSON.stringify({ createdAt, accounts: stored }), 'utf8');
  const { ciphertext, tag } = sealAesGcm(key, nonce, plaintext, header);
  const body = Buffer.concat([ciphertext, tag]).toString('base64');
  const file = Buffer.concat([header, Buffer.from(`\n${body}\n`, 'ascii')]);
  if (file.length > MAX_BACKUP_BYTES) {
    throw new TweestapError('input', 'backup.tooLarge', { size: file.length, max: MAX_BACKUP_BYTES });
  }
  return file;
}

/** True when `bytes` start like a Tweestap backup (used to recognise a file's format). */
export function looksLikeBackup(bytes: Uint8Array): boolean {
  return bytes.length >= MAGIC.length && MAGIC.equals(bytes.subarray(0, MAGIC.length));
}

/** Printable ASCII only: the header is written that way, and it keeps JSON parsing simple. */
function isPrintableAscii(bytes: Uint8Array): boolean {
  return bytes.every((byte) => byte >= 0x20 && byte <= 0x7e);
}

/**
 * Splits and checks a backup file without deriving a key (cheap; no secret involved).
 * Throws TweestapError `backup.tooLarge`, `backup.notBackup`, `backup.truncated`,
 * `backup.newerVersion`, `backup.damaged` or `backup.unsafeKdf`.
 */
export function readBackupEnvelope(file: Uint8Array): BackupEnvelope {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (bytes.length > MAX_BACKUP_BYTES) {
    throw new TweestapError('input', 'backup.tooLarge', { size: bytes.length, max: MAX_BACKUP_BYTES });
  }
  if (!looksLikeBackup(bytes)) {
    const cutMagic = bytes.length > 0 && MAGIC.subarray(0, bytes.length).equals(bytes);
    throw new TweestapError('input', cutMagic ? 'backup.truncated' : 'backup.notBackup');
  }
  const headerEnd = bytes.indexOf(NEWLINE);
  // The file is exactly: header, newline, body, newline. A missing final newline means cut off.
  if (headerEnd < 0 || bytes[bytes.length - 1] !== NEWLINE || bytes.length === headerEnd + 1) {
    throw new TweestapError('input', 'backup.truncated');
  }
  const header = bytes.subarray(0, headerEnd);
  const bodyText = bytes.subarray(headerEnd + 1, bytes.length - 1);
  const parsed = isPrintableAscii(header) ? parseJsonOrUndefined(header.toString('ascii')) : undefined;
  const version = (parsed as { version?: unknown } | undefined)?.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION) {
    throw new TweestapError('input', 'backup.newerVersion', { version });
  }
  const checked = headerSchema.safeParse(parsed);
  const salt = checked.success ? decodeBase64Strict(checked.data.kdf.salt) : undefined;
  const nonce = checked.success ? decodeBase64Strict(checked.data.cipher.nonce) : undefined;
  const body = isPrintableAscii(bodyText) ? decodeBase64Strict(bodyText.toString('ascii')) : undefined;
  if (!checked.success || salt?.length !== SALT_BYTES || nonce?.length !== GCM_NONCE_BYTES || !body) {
    throw new TweestapError('input', 'backup.damaged');
  }
  if (body.length <= GCM_TAG_BYTES) throw new TweestapError('input', 'backup.truncated');
  const { N, r, p } = checked.data.kdf;
  const sealed = { ciphertext: body.subarray(0, -GCM_TAG_BYTES), tag: body.subarray(-GCM_TAG_BYTES) };
  // Refuse hostile cost settings here, before anyone derives a key from them.
  assertSafeScryptParams({ N, r, p });
  return { header, kdf: { N, r, p, salt }, nonce, sealed };
}

/** The AES key of `envelope` for `password` (scrypt with the envelope's parameters, off the event loop). */
export function deriveBackupKey(envelope: BackupEnvelope, password: string): Promise<Buffer> {
  return deriveScryptKey(passwordBytes(password), envelope.kdf.salt, envelope.kdf);
}

/**
 * Decrypts and validates an envelope's contents with `key`. Throws TweestapError
 * `backup.wrongPassword` (GCM authentication failed: wrong key or changed file) or
 * `backup.contentInvalid`.
 */
export function openBackupEnvelope(envelope: BackupEnvelope, key: Uint8Array): BackupContents {
  const plaintext = openAesGcm(key, envelope.nonce, envelope.sealed, envelope.header);
  if (!plaintext) throw new TweestapError('input', 'backup.wrongPassword');
  const contents = contentsSchema.safeParse(parseJsonOrUndefined(plaintext.toString('utf8')));
  if (!contents.success) throw new TweestapError('input', 'backup.contentInvalid', { index: 0 });
  const accounts = contents.data.accounts.map((raw, index) => readStoredAccount(raw, index + 1));
  return { createdAt: contents.data.createdAt, accounts };
}

/**
 * Reads a backup file made by {@link encryptBackup}: every account, or a TweestapError (kind
 * input) and nothing else — `backup.notBackup`, `backup.truncated`, `backup.damaged`,
 * `backup.newerVersion`, `backup.unsafeKdf`, `backup.wrongPassword` (also for a changed file:
 * GCM cannot tell them apart), `backup.contentInvalid`, `backup.tooLarge`. The cost settings are
 * checked before scrypt runs, and scrypt runs off the event loop.
 */
export async function decryptBackup(file: Uint8Array, password: string): Promise<BackupContents> {
  const envelope = readBackupEnvelope(file);
  if (password.length === 0) throw new TweestapError('input', 'backup.wrongPassword');
  return openBackupEnvelope(envelope, await deriveBackupKey(envelope, password));
}
