/**
 * When the user last made a backup, which accounts it held, and when they last dismissed the
 * reminder, in `<dataDir>/backup-status.json`. From that and the current accounts,
 * `needsBackupReminder` decides whether the app reminds the user to make a backup.
 *
 * The file holds account ids (random, not secrets) and times only. Reading never fails: a missing
 * file means "never backed up", a bad one the same plus a warning, so the worst case is one
 * reminder too many.
 */
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-file';
import { MAX_SMALL_FILE_BYTES, readRegularFile } from './bounded-read';

export const BACKUP_STATUS_FILE = 'backup-status.json';
const FILE_VERSION = 1;
/** After a dismissal the reminder stays away this long (7 days). */
export const REMINDER_SNOOZE_MS = 7 * 86_400_000;

/** What backup-status.json records. Times are Unix milliseconds. */
export interface BackupStatusRecord {
  lastBackupAt: number | null;
  /** The ids of the accounts in the last backup, minus those replaced since. */
  backedUpIds: string[];
  reminderDismissedAt: number | null;
}

const EMPTY: Readonly<BackupStatusRecord> = Object.freeze({ lastBackupAt: null, backedUpIds: [], reminderDismissedAt: null });

const unixMs = z.number().int().min(0).max(8.64e15);
const fileSchema = z.strictObject({
  version: z.literal(FILE_VERSION),
  lastBackupAt: unixMs.nullable(),
  backedUpIds: z.array(z.string().max(128)).max(10_000),
  reminderDismissedAt: unixMs.nullable(),
});

/**
 * True when the user should be reminded to make a backup: there is at least one account, some
 * account is not in the last backup (or there never was one), and the reminder was not dismissed
 * in the last 7 days.
 */
export function needsBackupReminder(record: BackupStatusRecord, accountIds: readonly string[], now: number): boolean {
  const snoozed = record.reminderDismissedAt !== null && now - record.reminderDismissedAt < REMINDER_SNOOZE_MS;
  return unsavedAccountCount(record, accountIds) > 0 && !snoozed;
}

/** How many of `accountIds` are not in the last backup (all of them when there never was one). */
export function unsavedAccountCount(record: BackupStatusRecord, accountIds: readonly string[]): number {
  if (record.lastBackupAt === null) return accountIds.length;
  const backedUp = new Set(record.backedUpIds);
  return accountIds.filter((id) => !backedUp.has(id)).length;
}

/** Reads backup-status.json text leniently: anything but a valid file gives the empty record. */
export function parseBackupStatus(text: string | null): { record: BackupStatusRecord; problem: string | null } {
  if (text === null) return { record: { ...EMPTY }, problem: null };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { record: { ...EMPTY }, problem: 'not JSON' };
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) return { record: { ...EMPTY }, problem: 'invalid content' };
  const { version: _version, ...record } = parsed.data;
  return { record, problem: null };
}

/** Owns backup-status.json; one instance per process (the app's main process is its only writer). */
export class BackupStatusStore {
  private readonly filePath: string;
  private state: Promise<BackupStatusRecord> | null = null;
  private writing: Promise<void> = Promise.resolve();

  /** `warn` receives a line for the log when the file was unreadable (it holds no secrets). */
  constructor(
    dir: string,
    private readonly warn: (message: string) => void,
  ) {
    this.filePath = path.join(dir, BACKUP_STATUS_FILE);
  }

  /** The current record (read from the file at first use). */
  async get(): Promise<BackupStatusRecord> {
    this.state ??= this.read();
    const record = await this.state;
    return { ...record, backedUpIds: [...record.backedUpIds] };
  }

  /** Records a backup made at `at` holding the accounts `accountIds`; clears any dismissal. */
  recordBackup(accountIds: readonly string[], at: number): Promise<void> {
    return this.change(() => ({ lastBackupAt: at, backedUpIds: [...accountIds], reminderDismissedAt: null }));
  }

  /** Accounts whose secret was replaced are no longer in the last backup as they are now. */
  forgetAccounts(accountIds: readonly string[]): Promise<void> {
    const changed = new Set(accountIds);
    return this.change((record) => ({ ...record, backedUpIds: record.backedUpIds.filter((id) => !changed.has(id)) }));
  }

  /** The user dismissed the reminder at `at`. */
  dismissReminder(at: number): Promise<void> {
    return this.change((record) => ({ ...record, reminderDismissedAt: at }));
  }

  private async read(): Promise<BackupStatusRecord> {
    let text: string | null = null;
    try {
      text = (await readRegularFile(this.filePath, MAX_SMALL_FILE_BYTES)).toString('utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.warn(`${this.filePath} unreadable (${(error as Error).name}); treated as never backed up`);
    }
    const { record, problem } = parseBackupStatus(text);
    if (problem) this.warn(`${this.filePath}: ${problem}; treated as never backed up`);
    return record;
  }

  /**
   * Applies `next` to the current record and writes it. The new state is chained synchronously,
   * so two quick changes cannot both start from the same old record; writes are queued in order.
   */
  private change(next: (record: BackupStatusRecord) => BackupStatusRecord): Promise<void> {
    const updated = (this.state ?? this.read()).then(next);
    this.state = updated;
    this.writing = this.writing
      .catch(() => undefined)
      .then(async () => writeFileAtomic(this.filePath, `${JSON.stringify({ version: FILE_VERSION, ...(await updated) }, null, 2)}\n`));
    return this.writing;
  }
}
