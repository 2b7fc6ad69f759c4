/**
 * Aegis Authenticator exports, per Aegis's published vault format (docs/vault.md in
 * beemdevelopment/Aegis): `{ version: 1, header: { slots, params }, db }`. Plain: `slots` and
 * `params` are null and `db` is `{ version, entries }`. Encrypted: `db` is Base64 AES-256-GCM
 * ciphertext under a random master key; each password slot (type 1) holds that master key
 * encrypted with scrypt(password, salt, n, r, p) — nonces, tags, keys and salts in hex.
 */
import { TweestapError } from '../../shared/errors';
import { assertScryptBudget, decodeBase64Strict, decodeHexStrict, deriveScryptKey, openAesGcm, type ScryptParams, type Sealed } from '../encryption';
import { toOtpParams } from '../account-fields';
import { collectEntry, entryLabel, type ImportResult } from './result';
import { asRecord, parseJsonObject } from './text';

/** The vault (outer) format version Aegis writes, and the newest content version we know. */
const AEGIS_VAULT_VERSION = 1;
const AEGIS_MAX_DB_VERSION = 3;
const PASSWORD_SLOT = 1;

function malformed(): TweestapError {
  return new TweestapError('input', 'import.aegis.malformed');
}

/** A whole number from a JSON value, else undefined. */
function wholeNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined;
}

/** `{ nonce, tag }` in hex, as Aegis stores them next to each ciphertext. */
function readKeyParams(value: unknown): { nonce: Buffer; tag: Buffer } {
  const params = asRecord(value);
  const nonce = typeof params?.nonce === 'string' ? decodeHexStrict(params.nonce) : undefined;
  const tag = typeof params?.tag === 'string' ? decodeHexStrict(params.tag) : undefined;
  if (!nonce || !tag) throw malformed();
  return { nonce, tag };
}

/** A password slot: the master key wrapped under scrypt(password, salt, N, r, p). */
interface PasswordSlot {
  salt: Buffer;
  kdf: ScryptParams;
  nonce: Buffer;
  wrapped: Sealed;
}

function readPasswordSlot(slot: Record<string, unknown> | undefined): PasswordSlot {
  const salt = typeof slot?.salt === 'string' ? decodeHexStrict(slot.salt) : undefined;
  const wrapped = typeof slot?.key === 'string' ? decodeHexStrict(slot.key) : undefined;
  const [N, r, p] = [slot?.n, slot?.r, slot?.p].map(wholeNumber);
  if (!salt || !wrapped || N === undefined || r === undefined || p === undefined) throw malformed();
  const { nonce, tag } = readKeyParams(slot?.key_params);
  return { salt, kdf: { N, r, p }, nonce, wrapped: { ciphertext: wrapped, tag } };
}

/**
 * The master key from the first password slot that `password` opens. Every slot is read and the
 * cost of all of them together checked before the first scrypt runs: a hostile file cannot buy
 * time with many cheap slots or one expensive one.
 */
async function unlockMasterKey(slots: unknown[], password: string): Promise<Buffer> {
  const passwordSlots = slots
    .map(asRecord)
    .filter((slot) => slot?.type === PASSWORD_SLOT)
    .map(readPasswordSlot);
  if (passwordSlots.length === 0) throw new TweestapError('input', 'import.aegis.noPasswordSlot');
  assertScryptBudget(passwordSlots.map((slot) => slot.kdf));
  for (const slot of passwordSlots) {
    // Aegis feeds scrypt the password's UTF-8 bytes as typed (no Unicode normalisation).
    const slotKey = await deriveScryptKey(Buffer.from(password, 'utf8'), slot.salt, slot.kdf);
    const masterKey = openAesGcm(slotKey, slot.nonce, slot.wrapped);
    if (masterKey) return masterKey;
  }
  throw new TweestapError('input', 'import.aegis.wrongPassword');
}

/** Decrypts an encrypted vault's `db` into its content object. */
async function decryptDb(header: Record<string, unknown>, db: string, password: string | undefined): Promise<unknown> {
  if (password === undefined) throw new TweestapError('input', 'import.passwordRequired');
  if (!Array.isArray(header.slots)) throw malformed();
  const { nonce, tag } = readKeyParams(header.params);
  const ciphertext = decodeBase64Strict(db);
  if (!ciphertext) throw malformed();
  const sealed: Sealed = { ciphertext, tag };
  const plaintext = openAesGcm(await unlockMasterKey(header.slots, password), nonce, sealed);
  if (!plaintext) throw new TweestapError('input', 'import.aegis.wrongPassword');
  const content = parseJsonObject(plaintext.toString('utf8'));
  if (!content) throw malformed();
  return content;
}

/** One Aegis entry as OtpParams; Steam and other non-standard types are refused. */
function readEntry(value: unknown) {
  const entry = asRecord(value);
  const info = asRecord(entry?.info);
  if (!entry || !info) throw new TweestapError('input', 'import.entryInvalid');
  if (entry.type === 'steam') throw new TweestapError('input', 'import.entrySteam');
  if (entry.type !== 'totp' && entry.type !== 'hotp') {
    throw new TweestapError('input', 'import.entryTypeUnsupported', { type: String(entry.type).slice(0, 32) });
  }
  return toOtpParams({
    type: entry.type,
    issuer: entry.issuer,
    account: entry.name,
    secret: info.secret,
    algorithm: info.algo,
    digits: info.digits,
    period: info.period,
    counter: info.counter,
  });
}

/**
 * Every account of an Aegis export (`text` is the file's JSON). An encrypted vault needs
 * `password`. Throws TweestapError `import.aegis.malformed`, `import.aegis.newerVersion`,
 * `import.passwordRequired`, `import.aegis.noPasswordSlot`, `import.aegis.wrongPassword`,
 * `backup.unsafeKdf` or `backup.kdfTooCostly` (all slots together cost too much); entries that
 * cannot be imported (Steam, invalid) are listed as skipped.
 */
export async function importAegis(text: string, password?: string): Promise<ImportResult> {
  const vault = parseJsonObject(text);
  const header = asRecord(vault?.header);
  if (!vault || !header) throw malformed();
  const vaultVersion = wholeNumber(vault.version);
  if (vaultVersion !== undefined && vaultVersion > AEGIS_VAULT_VERSION) {
    throw new TweestapError('input', 'import.aegis.newerVersion', { part: 'vault', version: vaultVersion });
  }
  if (vaultVersion !== AEGIS_VAULT_VERSION) throw malformed();
  const content = asRecord(typeof vault.db === 'string' ? await decryptDb(header, vault.db, password) : vault.db);
  const dbVersion = wholeNumber(content?.version);
  if (dbVersion !== undefined && dbVersion > AEGIS_MAX_DB_VERSION) {
    throw new TweestapError('input', 'import.aegis.newerVersion', { part: 'db', version: dbVersion });
  }
  if (!content || dbVersion === undefined || dbVersion < 1 || !Array.isArray(content.entries)) throw malformed();
  const result: ImportResult = { accounts: [], skipped: [] };
  content.entries.forEach((entry: unknown, index) => {
    const record = asRecord(entry);
    collectEntry(result, index + 1, entryLabel(record?.issuer, record?.name), () => readEntry(entry));
  });
  return result;
}
