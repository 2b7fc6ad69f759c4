/**
 * Aegis Authenticator exports, per Aegis's published vault format (docs/vault.md in
 * beemdevelopment/Aegis): `{ version: 1, header: { slots, params }, db }`. Plain: `slots` and
 * `params` are null and `db` is `{ version, entries }`. Encrypted: `db` is Base64 AES-256-GCM
 * ciphertext under a random master key; each password slot (type 1) holds that master key
 * encrypted with scrypt(password, salt, n, r, p) — nonces, tags, keys and salts in hex.
 */
import { TweestapError } from '../../shared/errors';
import { decodeBase64Strict, decodeHexStrict, deriveScryptKey, openAesGcm, type Sealed } from '../encryption';
import { toOtpParams } from '../account-fields';
import { collectEntry, entryLabel, type ImportResult } from './result';
import { asRecord, parseJsonObject } from './text';

/** The vault (outer) format version Aegis writes, and the newest content version we know. */
const AEGIS_VAULT_VERSION = 1;
const AEGIS_MAX_DB_VERSION = 3;
const PASSWORD_SLOT = 1;
/** Each password slot costs a scrypt run: a hostile file must not make us run hundreds. */
const MAX_PASSWORD_SLOTS = 4;

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

/** The master key from the first password slot that `password` opens. */
function unlockMasterKey(slots: unknown[], password: string): Buffer {
  const passwordSlots = slots.map(asRecord).filter((slot) => slot?.type === PASSWORD_SLOT);
  if (passwordSlots.length === 0) throw new TweestapError('input', 'import.aegis.noPasswordSlot');
  for (const slot of passwordSlots.slice(0, MAX_PASSWORD_SLOTS)) {
    const salt = typeof slot?.salt === 'string' ? decodeHexStrict(slot.salt) : undefined;
    const wrapped = typeof slot?.key === 'string' ? decodeHexStrict(slot.key) : undefined;
    const [N, r, p] = [slot?.n, slot?.r, slot?.p].map(wholeNumber);
    if (!salt || !wrapped || N === undefined || r === undefined || p === undefined) throw malformed();
    const { nonce, tag } = readKeyParams(slot?.key_params);
    // Aegis feeds scrypt the password's UTF-8 bytes as typed (no Unicode normalisation).
    const slotKey = deriveScryptKey(Buffer.from(password, 'utf8'), salt, { N, r, p });
    const masterKey = openAesGcm(slotKey, nonce, { ciphertext: wrapped, tag });
    if (masterKey) return masterKey;
  }
  throw new TweestapError('input', 'import.aegis.wrongPassword');
}

/** Decrypts an encrypted vault's `db` into its content object. */
function decryptDb(header: Record<string, unknown>, db: string, password: string | undefined): unknown {
  if (password === undefined) throw new TweestapError('input', 'import.passwordRequired');
  if (!Array.isArray(header.slots)) throw malformed();
  const { nonce, tag } = readKeyParams(header.params);
  const ciphertext = decodeBase64Strict(db);
  if (!ciphertext) throw malformed();
  const sealed: Sealed = { ciphertext, tag };
  const plaintext = openAesGcm(unlockMasterKey(header.slots, password), nonce, sealed);
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
 * `import.passwordRequired`, `import.aegis.noPasswordSlot`, `import.aegis.wrongPassword` or
 * `backup.unsafeKdf`; entries that cannot be imported (Steam, invalid) are listed as skipped.
 */
export function importAegis(text: string, password?: string): ImportResult {
  const vault = parseJsonObject(text);
  const header = asRecord(vault?.header);
  if (!vault || !header) throw malformed();
  const vaultVersion = wholeNumber(vault.version);
  if (vaultVersion !== undefined && vaultVersion > AEGIS_VAULT_VERSION) {
    throw new TweestapError('input', 'import.aegis.newerVersion', { part: 'vault', version: vaultVersion });
  }
  if (vaultVersion !== AEGIS_VAULT_VERSION) throw malformed();
  const content = asRecord(typeof vault.db === 'string' ? decryptDb(header, vault.db, password) : vault.db);
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
