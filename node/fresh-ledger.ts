/**
 * The fresh-code ledger (issue 13): which TOTP time steps `code --fresh` has handed out on this
 * machine, so that parallel test workers (CLI processes and `tweestap serve`) never get the same
 * code twice. `<dataDir>/fresh-ledger.json`, read and written under the cross-process lock
 * (file-lock.ts), replaced atomically:
 *
 *   { "format": "tweestap-fresh-ledger", "version": 1, "rebuiltAt": ms | null,
 *     "keys": { "<key>": { "touchedAt": ms, "steps": { "<step>": "<owner token>" } } } }
 *
 * A key is `account:<id>` for a vault account, or `uri:<HMAC-SHA256 of the secret>` for
 * `code --uri`, with a random per-machine key in `<dataDir>/fresh-ledger.key` (0600): the file
 * never holds a secret, and a hash cannot be checked against a guessed secret without that key.
 *
 * Every claimed step carries its claimant's random token: a claimant that waits for its step
 * checks on waking that the step is still its own, which keeps the promise even when the
 * ledger was rebuilt (corrupt or foreign file) while it waited.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { TweestapError } from '../shared/errors';
import { writeFileAtomic } from './atomic-file';
import { errorCode, withFileLock, type FileLockOptions } from './file-lock';

const LEDGER_FORMAT = 'tweestap-fresh-ledger';
const LEDGER_VERSION = 1;
/** Steps before the current one that stay listed (they can no longer be handed out anyway). */
const KEEP_PAST_STEPS = 3;
/** A key untouched for this long is dropped: the ledger stays tiny. */
const KEY_TTL_MS = 60 * 60 * 1000;
/** The rebuild mark matters for one period at most; the longest period is a day. */
const REBUILD_MEMORY_MS = 24 * 60 * 60 * 1000;
/** Upper bound of claimed steps per key (a far-future `--at` with a long --max-wait). */
const MAX_STEPS_PER_KEY = 1000;

interface LedgerData {
  format: typeof LEDGER_FORMAT;
  version: typeof LEDGER_VERSION;
  rebuiltAt: number | null;
  keys: Record<string, { touchedAt: number; steps: Record<string, string> }>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `value` when it is a ledger of ours, else null. Checked by hand, not with zod: `code --uri
 * --fresh` should not pay for loading a schema library.
 */
function asLedger(value: unknown): LedgerData | null {
  if (!isRecord(value) || value.format !== LEDGER_FORMAT || value.version !== LEDGER_VERSION) return null;
  if (!(value.rebuiltAt === null || Number.isFinite(value.rebuiltAt)) || !isRecord(value.keys)) return null;
  for (const entry of Object.values(value.keys)) {
    if (!isRecord(entry) || !Number.isFinite(entry.touchedAt) || !isRecord(entry.steps)) return null;
    const steps = Object.entries(entry.steps);
    if (!steps.every(([step, owner]) => /^\d{1,16}$/.test(step) && typeof owner === 'string' && owner.length <= 64)) return null;
  }
  return value as unknown as LedgerData;
}

/** What to claim: the account's key, its period and the step the search starts from. */
export interface ClaimRequest {
  key: string;
  period: number;
  /** The first step that may be handed out (the current one, or the next when too little time is left). */
  fromStep: number;
  /** The last step the caller is willing to wait for; beyond it nothing is claimed. */
  lastStep: number;
}

export type ClaimResult = { claimed: true; step: number; token: string } | { claimed: false; step: number };

export interface FreshLedgerOptions {
  /** Real time (ms) for pruning and the rebuild mark; the steps themselves come from the request. */
  now?: () => number;
  lock?: FileLockOptions;
  /** Called once per rebuild of a corrupt or foreign ledger file (the CLI says so on stderr). */
  onRebuilt?: (file: string) => void;
}

export class FreshLedger {
  readonly file: string;
  private readonly keyFile: string;
  private readonly lockFile: string;
  private readonly now: () => number;

  constructor(
    readonly dir: string,
    private readonly options: FreshLedgerOptions = {},
  ) {
    this.file = path.join(dir, 'fresh-ledger.json');
    this.keyFile = path.join(dir, 'fresh-ledger.key');
    this.lockFile = `${this.file}.lock`;
    this.now = options.now ?? Date.now;
  }

  /** The ledger key of a vault account. */
  accountKey(accountId: string): string {
    return `account:${accountId}`;
  }

  /** The ledger key of a secret given on the command line: a keyed hash, never the secret. */
  async secretKey(secret: string, period: number): Promise<string> {
    const machineKey = await this.machineKey();
    return `uri:${createHmac('sha256', machineKey).update(`${period}:${secret}`).digest('hex')}`;
  }

  /**
   * Claims the earliest step from `fromStep` on that nobody has claimed for `key`. Claims nothing
   * when that step lies after `lastStep` (the caller would wait too long) and says which it is.
   */
  async claim(request: ClaimRequest): Promise<ClaimResult> {
    return this.locked((data) => {
      const entry = (data.keys[request.key] ??= { touchedAt: this.now(), steps: {} });
      let step = Math.max(request.fromStep, firstStepAfterRebuild(data, request.period, this.now()));
      while (Object.hasOwn(entry.steps, String(step))) step += 1;
      if (step > request.lastStep) return { claimed: false, step };
      const token = randomBytes(8).toString('hex');
      entry.steps[String(step)] = token;
      entry.touchedAt = this.now();
      prune(data, request, this.now());
      return { claimed: true, step, token };
    });
  }

  /**
   * After waiting for a claimed step: true when it is still the caller's. When the ledger was
   * rebuilt meanwhile and nobody else took the step, it is recorded again as the caller's.
   */
  async confirm(key: string, step: number, token: string): Promise<boolean> {
    return this.locked((data) => {
      const entry = (data.keys[key] ??= { touchedAt: this.now(), steps: {} });
      const owner = entry.steps[String(step)];
      if (owner === undefined) entry.steps[String(step)] = token;
      return owner === undefined || owner === token;
    });
  }

  /** Runs `change` on the ledger under the lock and writes the result. */
  private async locked<T>(change: (data: LedgerData) => T): Promise<T> {
    await this.ensureDir();
    return withFileLock(this.lockFile, () => this.rewrite(change), this.options.lock);
  }

  /** Reads the ledger, runs `change` on it and writes the result (the caller holds the lock). */
  private async rewrite<T>(change: (data: LedgerData) => T): Promise<T> {
    const data = await this.read();
    const result = change(data);
    await writeFileAtomic(this.file, `${JSON.stringify(data)}\n`);
    return result;
  }

  /** The ledger; a missing file is empty, a corrupt or foreign one is rebuilt (and reported). */
  private async read(): Promise<LedgerData> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return emptyLedger(null);
      throw new TweestapError('vault', 'vault.unreadable', { file: this.file, reason: errorCode(error) ?? String(error) });
    }
    let ledger: LedgerData | null = null;
    try {
      ledger = asLedger(JSON.parse(text));
    } catch {
      // not JSON: rebuilt below
    }
    if (ledger) return ledger;
    this.options.onRebuilt?.(this.file);
    return emptyLedger(this.now());
  }

  /** The per-machine HMAC key: 32 random bytes, created once, exclusively, mode 0600. */
  private async machineKey(): Promise<Buffer> {
    await this.ensureDir();
    return withFileLock(
      this.lockFile,
      async () => {
        const existing = await readFile(this.keyFile, 'utf8').catch(() => '');
        if (/^[0-9a-f]{64}$/.test(existing.trim())) return Buffer.from(existing.trim(), 'hex');
        // Missing or damaged: a new key. Old `uri:` entries then no longer match, so the ledger
        // forgets what it handed out for them: mark it rebuilt, which skips the steps begun so far.
        const key = randomBytes(32);
        const temp = `${this.keyFile}.${randomBytes(6).toString('hex')}`;
        const handle = await open(temp, 'wx', 0o600);
        try {
          await handle.writeFile(key.toString('hex'));
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temp, this.keyFile);
        if (existing !== '') {
          await this.rewrite((data) => {
            data.rebuiltAt = this.now();
          });
        }
        return key;
      },
      this.options.lock,
    );
  }

  private async ensureDir(): Promise<void> {
    try {
      await mkdir(this.dir, { recursive: true, mode: 0o700 });
    } catch (error) {
      throw new TweestapError('vault', 'vault.writeFailed', { file: this.file, reason: errorCode(error) ?? String(error) });
    }
  }
}

function emptyLedger(rebuiltAt: number | null): LedgerData {
  return { format: LEDGER_FORMAT, version: LEDGER_VERSION, rebuiltAt, keys: {} };
}

/**
 * After a rebuild nobody knows which steps were handed out before it: the step that had begun by
 * then counts as taken until it is over (later steps were at most reserved by waiting claimants,
 * who confirm theirs on waking).
 */
function firstStepAfterRebuild(data: LedgerData, period: number, now: number): number {
  if (data.rebuiltAt === null || now - data.rebuiltAt >= period * 1000) return 0;
  return Math.ceil(data.rebuiltAt / 1000 / period);
}

/** Drops old steps of the claimed key, keys untouched for an hour, and an old rebuild mark. */
function prune(data: LedgerData, request: ClaimRequest, now: number): void {
  const entry = data.keys[request.key];
  if (entry) {
    const steps = Object.keys(entry.steps)
      .map(Number)
      .filter((step) => step >= request.fromStep - KEEP_PAST_STEPS)
      .sort((a, b) => b - a)
      .slice(0, MAX_STEPS_PER_KEY);
    entry.steps = Object.fromEntries(steps.sort((a, b) => a - b).map((step) => [String(step), entry.steps[String(step)]!]));
  }
  for (const [key, value] of Object.entries(data.keys)) if (now - value.touchedAt > KEY_TTL_MS) delete data.keys[key];
  if (data.rebuiltAt !== null && now - data.rebuiltAt > REBUILD_MEMORY_MS) data.rebuiltAt = null;
}
