/**
 * 2FAS Authenticator exports (`.2fas`, JSON): `{ services: [...], schemaVersion, ... }`, each
 * service `{ name, secret, otp: { account, issuer, digits, period, algorithm, tokenType,
 * counter } }`. A password-protected export leaves `services` empty and holds them in
 * `servicesEncrypted` = `base64(ciphertext‖tag):base64(salt):base64(iv)`, the key being
 * PBKDF2-HMAC-SHA256(password, salt, 10,000 iterations, 32 bytes) and the cipher AES-256-GCM.
 */
import { TweestapError } from '../../shared/errors';
import { decodeBase64Strict, derivePbkdf2Sha256Key, GCM_TAG_BYTES, openAesGcm, parseJsonOrUndefined } from '../encryption';
import { toOtpParams } from '../account-fields';
import { collectEntry, entryLabel, type ImportResult } from './result';
import { asRecord, parseJsonObject } from './text';

/** What 2FAS uses; fixed by its format, not stored in the file, so a file cannot raise the cost. */
const TWOFAS_PBKDF2_ITERATIONS = 10_000;

function malformed(): TweestapError {
  return new TweestapError('input', 'import.twofas.malformed');
}

/** Base64 as 2FAS writes it; line breaks (Android's default encoder) are tolerated. */
function decodeField(text: string | undefined): Buffer | undefined {
  return text === undefined ? undefined : decodeBase64Strict(text.replace(/\s+/g, ''));
}

/** The services array hidden in `servicesEncrypted`. */
async function decryptServices(encrypted: string, password: string | undefined): Promise<unknown[]> {
  if (password === undefined) throw new TweestapError('input', 'import.passwordRequired');
  const [sealedPart, saltPart, ivPart, ...rest] = encrypted.split(':');
  const sealed = decodeField(sealedPart);
  const salt = decodeField(saltPart);
  const iv = decodeField(ivPart);
  if (rest.length > 0 || !sealed || !salt || !iv || salt.length === 0 || sealed.length < GCM_TAG_BYTES) {
    throw malformed();
  }
  const key = await derivePbkdf2Sha256Key(Buffer.from(password, 'utf8'), salt, TWOFAS_PBKDF2_ITERATIONS);
  const ciphertext = sealed.subarray(0, -GCM_TAG_BYTES);
  const tag = sealed.subarray(-GCM_TAG_BYTES);
  const plaintext = openAesGcm(key, iv, { ciphertext, tag });
  if (!plaintext) throw new TweestapError('input', 'import.twofas.wrongPassword');
  const services = parseJsonOrUndefined(plaintext.toString('utf8'));
  if (!Array.isArray(services)) throw malformed();
  return services;
}

/** One 2FAS service as OtpParams; Steam and unknown token types are refused. */
function readService(value: unknown) {
  const service = asRecord(value);
  if (!service) throw new TweestapError('input', 'import.entryInvalid');
  const otp = asRecord(service.otp) ?? {};
  const tokenType = typeof otp.tokenType === 'string' ? otp.tokenType.toUpperCase() : 'TOTP';
  if (tokenType === 'STEAM') throw new TweestapError('input', 'import.entrySteam');
  if (tokenType !== 'TOTP' && tokenType !== 'HOTP') {
    throw new TweestapError('input', 'import.entryTypeUnsupported', { type: tokenType.slice(0, 32) });
  }
  // 2FAS shows `otp.issuer` when set and the service name otherwise.
  const issuer = typeof otp.issuer === 'string' && otp.issuer.trim() !== '' ? otp.issuer : service.name;
  return toOtpParams({
    type: tokenType,
    issuer,
    account: otp.account,
    secret: service.secret,
    algorithm: otp.algorithm ?? 'SHA1',
    digits: otp.digits ?? 6,
    period: otp.period,
    counter: otp.counter,
  });
}

/**
 * Every account of a 2FAS export (`text` is the file's JSON); a password-protected export needs
 * `password`. Throws TweestapError `import.twofas.malformed`, `import.passwordRequired` or
 * `import.twofas.wrongPassword`; services that cannot be imported are listed as skipped.
 */
export async function import2fas(text: string, password?: string): Promise<ImportResult> {
  const file = parseJsonObject(text);
  if (!file || !Array.isArray(file.services)) throw malformed();
  const encrypted = file.servicesEncrypted;
  if (encrypted !== undefined && encrypted !== null && typeof encrypted !== 'string') throw malformed();
  const services = typeof encrypted === 'string' ? await decryptServices(encrypted, password) : file.services;
  const result: ImportResult = { accounts: [], skipped: [] };
  services.forEach((service: unknown, index) => {
    const record = asRecord(service);
    const otp = asRecord(record?.otp);
    collectEntry(result, index + 1, entryLabel(otp?.issuer || record?.name, otp?.account), () => readService(service));
  });
  return result;
}
