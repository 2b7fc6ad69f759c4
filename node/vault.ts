/**
 * The account metadata file, `<dataDir>/vault.json` (labels and settings, never a secret):
 *
 *   { "format": "tweestap-vault", "version": 1, "accounts": [ { id, type, issuer, account,
 *     algorithm, digits, period, counter, addedAt } ] }      (array order = display order)
 *
 * Every change is a read-modify-write under an inter-process lock (file-lock.ts), written
 * atomically (temp file, fsync, rename, fsync of the folder) with the previous good copy kept as
 * `vault.json.bak`. A file that is empty, corrupt, of a newer version or unreadable is reported
 * with its path and never overwritten; `recover()` moves a damaged one aside when the user asks.
 */
import { mkdirSync, watch as watchFs, promises as fs } from 'node:fs';
import path from 'node:path';
import { DAMAGED_VAULT_KEYS, type VaultRecovery } from '../shared/api';
import { TweestapError } from '../shared/errors';
import { MAX_ID_LENGTH, MAX_LABEL_LENGTH } from '../shared/limits';
import { ALGORITHMS, DIGITS, MAX_PERIOD_SECONDS, OTP_TYPES, type OtpLabelAndSettings } from '../shared/otp/types';
import { vaultPath } from './paths';
import { errorCode, withFileLock, type FileLockOptions } from './file-lock';
import { syncDir, temporaryNameFor, writeDurably } from './atomic-file';
import { assertPrivateFolder, ensurePrivateFolder } from './private-folder';
import { MAX_VAULT_FILE_BYTES, readRegularFile } from './bounded-read';

export const VAULT_FORMAT = 'tweestap-vault';
export const VAULT_VERSION = 1;

/** One account as stored: everything but the secret, plus its id and when it was added. */
export interface VaultAccount extends OtpLabelAndSettings {
  id: string;
  /** ISO-8601 time the account was added. */
  addedAt: string;
}

/**
 * The accounts of a vault as Tweestap writes it, or null for anything else. A quick check by
 * hand, stricter than the zod schema (node/vault-schema.ts): what it accepts, the schema accepts
 * too. Only when it says no is zod loaded (about 70 ms of a cold CLI start, issue 13) to decide
 * and to name what is wrong.
 */
export function quickAccounts(json: unknown): VaultAccount[] | null {
  if (!isRecord(json) || json.format !== VAULT_FORMAT || json.version !== VAULT_VERSION || !Array.isArray(json.accounts)) return null;
  const accounts: VaultAccount[] = [];
  const ids = new Set<string>();
  for (const a of json.accounts as unknown[]) {
    if (!isRecord(a) || typeof a.id !== 'string' || !/^[A-Za-z0-9_-]+$/.test(a.id) || a.id.length > MAX_ID_LENGTH || ids.has(a.id)) return null;
    if (!OTP_TYPES.includes(a.type as never) || !ALGORITHMS.includes(a.algorithm as never) || !DIGITS.includes(a.digits as never)) return null;
    if (typeof a.issuer !== 'string' || a.issuer.length > MAX_LABEL_LENGTH || typeof a.account !== 'string' || a.account.length > MAX_LABEL_LENGTH) return null;
    if (!isWhole(a.period, 1, MAX_PERIOD_SECONDS) || !isWhole(a.counter, 0, Number.MAX_SAFE_INTEGER)) return null;
    if (typeof a.addedAt !== 'string' || !isCanonicalIso(a.addedAt)) return null;
    ids.add(a.id);
    const { id, type, issuer, account, algorithm, digits, period, counter, addedAt } = a as unknown as VaultAccount;
    accounts.push({ id, type, issuer, account, algorithm, digits, period, counter, addedAt });
  }
  return accounts;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isWhole(value: unknown, min: number, max: number): boolean {
  return Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max;
}

/** The form toISOString writes (`2025-01-01T00:00:00.000Z`), the only one Tweestap stores. */
function isCanonicalIso(text: string): boolean {
  const time = Date.parse(text);
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(text) && Number.isFinite(time) && new Date(time).toISOString() === text;
}

export interface VaultOptions {
  lock?: FileLockOptions;
  /** Debounce of watch() in ms (default 100). */
  watchDebounceMs?: number;
}

/** The vault file of one data folder. Safe to use from several processes at once. */
export class Vault {
  /** The vault file's path (named in every error). */
  readonly file: string;
  private readonly lockFile: string;
  /** The last content this object read or wrote, so watch() reports only other writers' changes. */
  private lastSeen: string | null = null;

  constructor(
    readonly dir: string,
    private readonly options: VaultOptions = {},
  ) {
    this.file = vaultPath(dir);
    this.lockFile = `${this.file}.lock`;
  }

  /** The accounts in display order; a missing file is an empty vault. */
  async read(): Promise<VaultAccount[]> {
    const text = await this.readText();
    this.lastSeen = text;
    return text === null ? [] : await this.parse(text);
  }

  /**
   * Read-modify-write under the lock: `mutate` gets the freshly read accounts (an array it may
   * change in place) and returns a result. The file is written only if the accounts changed; if
   * `mutate` throws, nothing is written.
   */
  async update<T>(mutate: (accounts: VaultAccount[]) => T | Promise<T>): Promise<T> {
    await this.ensureDir();
    return withFileLock(
      this.lockFile,
      async () => {
        await this.removeLeftoverTempFiles();
        const text = await this.readText();
        this.lastSeen = text;
        const before = text === null ? [] : await this.parse(text);
        const accounts = structuredClone(before);
        const result = await mutate(accounts);
        const after = serialize(accounts);
        if (after !== serialize(before)) {
          // A bug must not write a vault we cannot load.
          if (!quickAccounts(JSON.parse(after))) (await import('./vault-schema')).vaultSchema.parse(JSON.parse(after));
          await this.writeAtomically(after, text !== null);
        }
        return result;
      },
      this.options.lock,
    );
  }

  /**
   * When the user asks, after a start-up error: moves a damaged vault.json (empty, not JSON, not
   * a valid vault) aside as `vault.json.corrupt-<now>`, never deleting it, then restores
   * `vault.json.bak` if that copy loads, else leaves no vault.json (an empty list). The keychain
   * is not touched. Refuses, moving nothing, a vault that loads (`vault.notDamaged`), one of a
   * newer version (`vault.newerVersion`: the user should update, not lose it) and one that
   * cannot be read at all (`vault.unreadable`: a permission problem the user can fix).
   */
  async recover(now: Date): Promise<VaultRecovery> {
    await this.ensureDir();
    return withFileLock(
      this.lockFile,
      async () => {
        await this.removeLeftoverTempFiles();
        const damage = await this.loadError();
        if (!damage) throw new TweestapError('input', 'vault.notDamaged', { file: this.file });
        if (!isDamagedVaultKey(damage.key)) throw damage;
        const movedTo = await this.moveAside(now);
        this.lastSeen = null;
        const backup = await this.readBackup();
        if (!backup) return { movedTo, restored: 'empty', accounts: 0 };
        await this.writeAtomically(backup.text, false);
        return { movedTo, restored: 'previous-copy', accounts: backup.accounts.length };
      },
      this.options.lock,
    );
  }

  /**
   * Calls `onChange` (debounced) when another process changes vault.json. Returns a function
   * that stops watching. Watches the folder, since an atomic rename replaces the file itself.
   */
  watch(onChange: () => void): () => void {
    let timer: NodeJS.Timeout | undefined;
    const check = async () => {
      const text = await this.readText().catch(() => undefined);
      if (text === undefined || text === this.lastSeen) return;
      this.lastSeen = text;
      onChange();
    };
    mkdirSync(this.dir, { recursive: true, mode: 0o700 }); // the app may watch before the first write
    const watcher = watchFs(this.dir, { persistent: false }, (_event, name) => {
      if (name !== null && name !== path.basename(this.file)) return;
      clearTimeout(timer);
      timer = setTimeout(() => void check(), this.options.watchDebounceMs ?? 100);
    });
    return () => {
      clearTimeout(timer);
      watcher.close();
    };
  }

  /** The file's text, or null when it does not exist. */
  private async readText(): Promise<string | null> {
    // A vault in a folder other users can write could be theirs: refused for reading too.
    if (!(await this.folderIsPrivate())) return null;
    try {
      return (await readRegularFile(this.file, MAX_VAULT_FILE_BYTES)).toString('utf8');
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT') return null;
      if (error instanceof TweestapError) throw new TweestapError('vault', 'vault.unreadable', { file: this.file, reason: error.message });
      throw new TweestapError('vault', 'vault.unreadable', { file: this.file, reason: code ?? String(error) });
    }
  }

  /** The accounts in `text`; errors name `file` (the vault, or its previous copy). */
  private async parse(text: string, file = this.file): Promise<VaultAccount[]> {
    if (text.trim() === '') throw new TweestapError('vault', 'vault.empty', { file });
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new TweestapError('vault', 'vault.corrupt', { file, reason: (error as Error).message });
    }
    const quick = quickAccounts(json);
    if (quick) return quick;
    const { z, vaultSchema } = await import('./vault-schema');
    const header = z.object({ format: z.literal(VAULT_FORMAT), version: z.int() }).safeParse(json);
    if (header.success && header.data.version > VAULT_VERSION) {
      throw new TweestapError('vault', 'vault.newerVersion', { file, version: header.data.version });
    }
    const parsed = vaultSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? issue.path.join('.') : 'file';
      throw new TweestapError('vault', 'vault.invalid', { file, reason: `${where}: ${issue?.message ?? 'invalid'}` });
    }
    return parsed.data.accounts;
  }

  /** Why vault.json does not load, or null when it does (a missing file loads as empty). */
  private async loadError(): Promise<TweestapError | null> {
    try {
      const text = await this.readText();
      if (text !== null) await this.parse(text);
      return null;
    } catch (error) {
      if (error instanceof TweestapError) return error;
      throw error;
    }
  }

  /** Renames vault.json to a `.corrupt-<time>` name no earlier file has, and returns that path. */
  private async moveAside(now: Date): Promise<string> {
    const base = `${this.file}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
    try {
      let target = base;
      // Two recoveries in the same millisecond must not overwrite the first file kept aside.
      for (let n = 1; await exists(target); n += 1) target = `${base}-${n}`;
      await fs.rename(this.file, target);
      return target;
    } catch (error) {
      throw new TweestapError('vault', 'vault.writeFailed', { file: this.file, reason: errorCode(error) ?? String(error) });
    }
  }

  /** The previous good copy (vault.json.bak) with its accounts, or null when it is missing or does not load. */
  private async readBackup(): Promise<{ text: string; accounts: VaultAccount[] } | null> {
    const file = `${this.file}.bak`;
    try {
      const text = (await readRegularFile(file, MAX_VAULT_FILE_BYTES)).toString('utf8');
      return { text, accounts: await this.parse(text, file) };
    } catch {
      return null;
    }
  }

  /**
   * False when the data folder does not exist (yet); throws `vault.folderNotPrivate` (kind vault)
   * when other users can write it. Other errors are left to the read that follows.
   */
  private async folderIsPrivate(): Promise<boolean> {
    try {
      await assertPrivateFolder(this.dir);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return false;
      if (error instanceof TweestapError) throw new TweestapError('vault', error.key, error.params);
    }
    return true;
  }

  /** The data folder, created 0700; one other users can write is refused (`vault.folderNotPrivate`). */
  private async ensureDir(): Promise<void> {
    try {
      await ensurePrivateFolder(this.dir);
    } catch (error) {
      if (error instanceof TweestapError) throw new TweestapError('vault', error.key, error.params);
      throw new TweestapError('vault', 'vault.writeFailed', { file: this.file, reason: errorCode(error) ?? String(error) });
    }
  }

  /** Temp file, fsync, keep the old file as .bak, rename over, fsync the folder. */
  private async writeAtomically(text: string, hadFile: boolean): Promise<void> {
    const temp = temporaryNameFor(this.file, TEMP_MARKER);
    try {
      await writeDurably(temp, text);
      if (hadFile) {
        // The file we just read and parsed under the lock: the previous good copy.
        const bakTemp = `${temp}.bak`;
        await fs.copyFile(this.file, bakTemp);
        await fs.rename(bakTemp, `${this.file}.bak`);
      }
      await fs.rename(temp, this.file);
      this.lastSeen = text;
      await syncDir(this.dir);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw new TweestapError('vault', 'vault.writeFailed', { file: this.file, reason: errorCode(error) ?? String(error) });
    }
  }

  /** Temp files of writers killed mid-write; only the lock holder writes them, so all are garbage. */
  private async removeLeftoverTempFiles(): Promise<void> {
    const prefix = `${path.basename(this.file)}${TEMP_MARKER}`;
    const names = await fs.readdir(this.dir).catch(() => []);
    await Promise.all(names.filter((n) => n.startsWith(prefix)).map((n) => fs.rm(path.join(this.dir, n), { force: true })));
  }
}

const TEMP_MARKER = '.tmp-';

function isDamagedVaultKey(key: string): boolean {
  return (DAMAGED_VAULT_KEYS as readonly string[]).includes(key);
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
}

function serialize(accounts: VaultAccount[]): string {
  const data = { format: VAULT_FORMAT, version: VAULT_VERSION, accounts };
  return `${JSON.stringify(data, null, 2)}\n`;
}

