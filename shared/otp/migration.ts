/**
 * Google Authenticator's "Transfer accounts" export: decoding each QR's
 * `otpauth-migration://offline?data=...` URI, assembling a multi-QR export, encoding one, and the
 * period warnings the format calls for (it has no period field: every account travels as 30 s).
 */
import type { UserMessage } from '../api';
import { TweestapError } from '../errors';
import { parseCounter } from './fields';
import { displayName, exportName, splitExportName } from './label';
import { checkLabelCharacters } from './label-safety';
import {
  ALGORITHM,
  DIGIT_COUNT,
  OTP_TYPE,
  decodeWirePayload,
  encodeWirePayload,
  fromBase64,
  toBase64,
  type WireOtpParameters,
} from './migration-schema';
import { decodeComponent } from './percent';
import { describeQrText, notOtpauthError } from './qr-text';
import { secretBytes, secretFromBytes, validateOtpParams } from './secret';
import type { Algorithm, Digits, MigrationPayload, OtpLabelAndSettings, OtpParams, OtpType } from './types';

/** The period every exported account is read back with. */
export const MIGRATION_PERIOD = 30;
/** More parts than this is not an export Google Authenticator could have made. */
export const MAX_BATCH_SIZE = 1000;
/** Upper bound for accounts per export QR (Google puts about 10 in one). */
export const MAX_ACCOUNTS_PER_QR = 100;
const DEFAULT_ACCOUNTS_PER_QR = 10;
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

const ALGORITHMS_BY_WIRE: Readonly<Record<number, Algorithm>> = {
  [ALGORITHM.UNSPECIFIED]: 'SHA1',
  [ALGORITHM.SHA1]: 'SHA1',
  [ALGORITHM.SHA256]: 'SHA256',
  [ALGORITHM.SHA512]: 'SHA512',
};
const DIGITS_BY_WIRE: Readonly<Record<number, Digits>> = {
  [DIGIT_COUNT.UNSPECIFIED]: 6,
  [DIGIT_COUNT.SIX]: 6,
  [DIGIT_COUNT.EIGHT]: 8,
};
const TYPES_BY_WIRE: Readonly<Record<number, OtpType>> = {
  [OTP_TYPE.UNSPECIFIED]: 'totp',
  [OTP_TYPE.HOTP]: 'hotp',
  [OTP_TYPE.TOTP]: 'totp',
};

/** Where a multi-QR export stands. `missing`: 0-based batch indexes not yet scanned. */
export interface MigrationProgress {
  complete: boolean;
  scanned: number;
  total: number;
  missing: number[];
}

/**
 * Decodes one export QR's URI. `data` may be percent-encoded or hold raw `+` and `/` (a raw `+`
 * stays a plus). Absent algorithm, digits and type read as SHA1, 6 and TOTP; an `issuer:` prefix
 * the name repeats is removed; every account gets period 30. Throws TweestapError (kind 'input')
 * for anything else: not an export, no data, damaged data, MD5 or unknown enum values, no
 * accounts, an impossible part number.
 */
export function decodeMigrationUri(uri: string): MigrationPayload {
  const text = String(uri).trim();
  const kind = describeQrText(text);
  if (kind === 'otpauth') throw new TweestapError('input', 'otp.notMigration');
  if (kind !== 'otpauth-migration') throw notOtpauthError(kind);

  const wire = decodeWire(migrationData(text));
  const batchSize = wire.batchSize || 1;
  if (batchSize < 1 || batchSize > MAX_BATCH_SIZE || wire.batchIndex < 0 || wire.batchIndex >= batchSize) {
    throw new TweestapError('input', 'otp.migrationPartInvalid', { part: wire.batchIndex + 1, total: batchSize });
  }
  if (wire.otpParameters.length === 0) throw new TweestapError('input', 'otp.migrationEmpty');
  return {
    version: wire.version,
    batchSize,
    batchIndex: wire.batchIndex,
    batchId: wire.batchId,
    accounts: wire.otpParameters.map(accountFromWire),
  };
}

/**
 * Encodes accounts as the URIs of a Google Authenticator export, `perQr` accounts (default 10)
 * per QR code. `batchId` must fit in a signed 32-bit integer. Periods are not carried: show
 * `migrationPeriodWarnings(accounts)` to the user. 7-digit accounts cannot be exported.
 */
export function encodeMigrationUris(accounts: readonly OtpParams[], options: { batchId: number; perQr?: number }): string[] {
  const { batchId, perQr = DEFAULT_ACCOUNTS_PER_QR } = options;
  if (!Number.isInteger(batchId) || batchId < INT32_MIN || batchId > INT32_MAX) {
    throw new TweestapError('input', 'otp.migrationBatchIdInvalid');
  }
  if (!Number.isInteger(perQr) || perQr < 1 || perQr > MAX_ACCOUNTS_PER_QR) {
    throw new TweestapError('input', 'otp.migrationPerQrInvalid', { max: MAX_ACCOUNTS_PER_QR });
  }
  if (accounts.length === 0) throw new TweestapError('input', 'otp.migrationEmpty');
  const wireAccounts = accounts.map(accountToWire);
  const batchSize = Math.ceil(wireAccounts.length / perQr);
  return Array.from({ length: batchSize }, (_, batchIndex) => {
    const otpParameters = wireAccounts.slice(batchIndex * perQr, (batchIndex + 1) * perQr);
    const bytes = encodeWirePayload({ otpParameters, version: 1, batchSize, batchIndex, batchId });
    return `otpauth-migration://offline?data=${encodeURIComponent(toBase64(bytes))}`;
  });
}

/**
 * Warnings for exporting: one per TOTP account whose period is not 30 seconds, which the export
 * cannot carry. Messages name the account, never its secret.
 */
export function migrationPeriodWarnings(accounts: readonly OtpLabelAndSettings[]): UserMessage[] {
  return accounts
    .filter((a) => a.type === 'totp' && a.period !== MIGRATION_PERIOD)
    .map((a) => ({ key: 'otp.migrationPeriodExport', params: { name: displayName(a), period: a.period } }));
}

/**
 * Warnings for importing: the export says nothing about periods, so each imported TOTP account
 * gets 30 s. Where an account of the same issuer and name is already `known` with another
 * period (say the NSE Portal's 20 s), the imported copy is likely wrong: warn, naming it.
 */
export function migrationImportWarnings(
  imported: readonly OtpLabelAndSettings[],
  known: readonly OtpLabelAndSettings[],
): UserMessage[] {
  const key = (a: OtpLabelAndSettings): string => `${a.issuer.toLowerCase()}\u0000${a.account.toLowerCase()}`;
  const knownPeriods = new Map(known.filter((a) => a.type === 'totp').map((a) => [key(a), a.period]));
  return imported.flatMap((a): UserMessage[] => {
    const period = knownPeriods.get(key(a));
    if (a.type !== 'totp' || period === undefined || period === a.period) return [];
    return [{ key: 'otp.migrationPeriodImport', params: { name: displayName(a), period } }];
  });
}

/**
 * Collects the parts of a multi-QR export, scanned in any order. All parts must share the
 * batch id and size of the first; a repeated part is ignored. Accounts are handed out only
 * when every part is in (all or nothing).
 */
export class MigrationBatch {
  readonly #parts = new Map<number, MigrationPayload>();
  #batchId: number | undefined;
  #total = 0;

  /** Adds a decoded part; throws `otp.migrationOtherBatch` (and keeps nothing) for a foreign part. */
  add(payload: MigrationPayload): MigrationProgress {
    if (payload.batchIndex < 0 || payload.batchIndex >= payload.batchSize) {
      throw new TweestapError('input', 'otp.migrationPartInvalid', { part: payload.batchIndex + 1, total: payload.batchSize });
    }
    if (this.#batchId === undefined) {
      this.#batchId = payload.batchId;
      this.#total = payload.batchSize;
    } else if (payload.batchId !== this.#batchId || payload.batchSize !== this.#total) {
      throw new TweestapError('input', 'otp.migrationOtherBatch');
    }
    if (!this.#parts.has(payload.batchIndex)) this.#parts.set(payload.batchIndex, payload);
    return this.progress();
  }

  /** What has been scanned so far (an empty batch reports total 0, not complete). */
  progress(): MigrationProgress {
    const missing = Array.from({ length: this.#total }, (_, i) => i).filter((i) => !this.#parts.has(i));
    return { complete: this.#total > 0 && missing.length === 0, scanned: this.#parts.size, total: this.#total, missing };
  }

  /** Every account of the export in part order; throws `otp.migrationIncomplete` until complete. */
  accounts(): OtpParams[] {
    const { complete, scanned, total } = this.progress();
    if (!complete) throw new TweestapError('input', 'otp.migrationIncomplete', { scanned, total });
    return [...this.#parts.entries()].sort(([a], [b]) => a - b).flatMap(([, part]) => part.accounts);
  }
}

/** The payload bytes of an export URI's `data` parameter. */
function migrationData(uri: string): Uint8Array {
  const query = /^otpauth-migration:\/\/offline\/?\?(.*)$/is.exec(uri)?.[1];
  if (query === undefined) throw new TweestapError('input', 'otp.migrationMalformed');
  const pair = query.split('&').find((p) => /^data=/i.test(p));
  // No `+` → space here: Base64 uses `+`. A space can only be a `+` someone decoded as a form.
  const data = decodeComponent(pair?.slice('data='.length) ?? '').replace(/ /g, '+');
  if (data === '') throw new TweestapError('input', 'otp.migrationDataMissing');
  const base64 = data.replace(/-/g, '+').replace(/_/g, '/');
  const unpadded = base64.replace(/=+$/, '');
  const padded = unpadded.length !== base64.length;
  // Padding, when present, must complete the last quad; a lone trailing character never decodes.
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || unpadded.length % 4 === 1 || (padded && base64.length % 4 !== 0)) {
    throw new TweestapError('input', 'otp.migrationMalformed');
  }
  try {
    return fromBase64(base64);
  } catch {
    throw new TweestapError('input', 'otp.migrationMalformed');
  }
}

function decodeWire(bytes: Uint8Array): ReturnType<typeof decodeWirePayload> {
  try {
    return decodeWirePayload(bytes);
  } catch {
    throw new TweestapError('input', 'otp.migrationMalformed');
  }
}

function accountFromWire(wire: WireOtpParameters): OtpParams {
  // Before splitting: splitting trims, and trim() drops U+FEFF and line breaks at the ends silently.
  const { issuer, account } = splitExportName(checkLabelCharacters(wire.name), checkLabelCharacters(wire.issuer));
  const name = displayName({ issuer, account });
  const algorithm = ALGORITHMS_BY_WIRE[wire.algorithm];
  if (algorithm === undefined) {
    const shown = wire.algorithm === ALGORITHM.MD5 ? 'MD5' : `#${wire.algorithm}`;
    throw new TweestapError('input', 'otp.migrationAlgorithmUnsupported', { name, algorithm: shown });
  }
  const digits = DIGITS_BY_WIRE[wire.digits];
  if (digits === undefined) throw new TweestapError('input', 'otp.migrationDigitsUnknown', { name });
  const type = TYPES_BY_WIRE[wire.type];
  if (type === undefined) throw new TweestapError('input', 'otp.migrationTypeUnknown', { name });
  return validateOtpParams({
    type,
    issuer,
    account,
    secret: secretFromBytes(wire.secret),
    algorithm,
    digits,
    period: MIGRATION_PERIOD,
    counter: type === 'hotp' ? parseCounter(wire.counter ?? '0') : 0,
  });
}

function accountToWire(p: OtpParams): WireOtpParameters {
  const v = validateOtpParams(p);
  const digits = v.digits === 6 ? DIGIT_COUNT.SIX : v.digits === 8 ? DIGIT_COUNT.EIGHT : undefined;
  if (digits === undefined) {
    throw new TweestapError('input', 'otp.migrationDigitsNotExportable', { name: displayName(v), digits: v.digits });
  }
  return {
    secret: secretBytes(v.secret),
    name: exportName(v),
    issuer: v.issuer,
    algorithm: ALGORITHM[v.algorithm],
    digits,
    type: v.type === 'hotp' ? OTP_TYPE.HOTP : OTP_TYPE.TOTP,
    ...(v.type === 'hotp' ? { counter: String(v.counter) } : {}),
  };
}
