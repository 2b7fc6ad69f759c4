/**
 * The app lock (issue 12, part 8): optional, off by default. With it on, the window is locked at
 * start, after the chosen idle time and when it is hidden; while locked, the API service refuses
 * every call that would give the window a name or a code (`lock.locked`). The state lives here, in
 * the main process; the window only asks.
 *
 * The PIN or password is never stored: `app-lock.json` (0600, atomic) holds its scrypt hash with
 * a random salt. Wrong attempts make the next one wait longer, so guessing a short PIN through a
 * compromised window takes days, not minutes. The CLI does not use the lock (docs/security.md).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { LockStatus } from '../shared/api';
import { LOCK_IDLE_MINUTES, MAX_LOCK_PIN_LENGTH, MIN_LOCK_PIN_LENGTH } from '../shared/api';
import { TweestapError } from '../shared/errors';
import type { Clock } from '../shared/ports';
import { writeFileAtomic } from './atomic-file';
import { MAX_SMALL_FILE_BYTES, readRegularFile } from './bounded-read';
import { deriveScryptKey, type ScryptParams } from './encryption';

export const APP_LOCK_FILE = 'app-lock.json';
const FILE_VERSION = 1;
/** About 30 ms per check: cheap for the user, 2^15 · 8 · 128 bytes = 32 MiB per guess for an attacker. */
const SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };
/** Free attempts before waiting starts; then 2, 4, 8 … seconds, at most an hour. */
const FREE_ATTEMPTS = 3;
const MAX_WAIT_MS = 60 * 60 * 1000;

const lockFileSchema = z.strictObject({
  version: z.literal(FILE_VERSION),
  N: z.number().int(),
  r: z.number().int(),
  p: z.number().int(),
  salt: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/),
  hash: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/),
  idleMinutes: z.literal([...LOCK_IDLE_MINUTES]),
});
type LockFile = z.infer<typeof lockFileSchema>;

/** How long to wait after `failures` wrong attempts in a row before the next one counts. */
export function unlockDelayMs(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_WAIT_MS, 2 ** (failures - FREE_ATTEMPTS + 1) * 1000);
}

/** True when the lock is on and the system has been idle for its idle time or longer. */
export function idleLockDue(idleMinutes: number | null, systemIdleSeconds: number): boolean {
  return idleMinutes !== null && systemIdleSeconds >= idleMinutes * 60;
}

/** The lock state of one app process. */
export class AppLock {
  private readonly listeners = new Set<(locked: boolean) => void>();
  private failures = 0;
  private nextAttemptAt = 0;

  private constructor(
    private readonly filePath: string,
    private readonly clock: Clock,
    private file: LockFile | null,
    private isLocked: boolean,
  ) {}

  /**
   * Reads `<dir>/app-lock.json`. Absent: the lock is off. Present but unreadable or invalid: the
   * lock stays on and locked (a damaged file must not open the app), reported through `warn`;
   * no PIN then unlocks it until the file is fixed or removed by hand.
   */
  static async open(dir: string, clock: Clock, warn: (message: string) => void = console.warn): Promise<AppLock> {
    const filePath = path.join(dir, APP_LOCK_FILE);
    let text: string;
    try {
      text = (await readRegularFile(filePath, MAX_SMALL_FILE_BYTES)).toString('utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new AppLock(filePath, clock, null, false);
      warn(`app lock: ${APP_LOCK_FILE} unreadable (${(error as NodeJS.ErrnoException).code ?? 'error'}); staying locked`);
      return new AppLock(filePath, clock, null, true);
    }
    const parsed = lockFileSchema.safeParse(parseJson(text));
    if (!parsed.success) warn(`app lock: ${APP_LOCK_FILE} invalid; staying locked`);
    return new AppLock(filePath, clock, parsed.success ? parsed.data : null, true);
  }

  get locked(): boolean {
    return this.isLocked;
  }

  /** The lock's idle time in minutes, or null when the lock is off. */
  get idleMinutes(): number | null {
    return this.file?.idleMinutes ?? null;
  }

  status(): LockStatus {
    return { enabled: this.file !== null || this.isLocked, locked: this.isLocked, idleMinutes: this.idleMinutes, retryAt: this.nextAttemptAt > this.clock.now() ? this.nextAttemptAt : null };
  }

  /** Locks now, when the lock is on; otherwise does nothing. */
  lock(): void {
    if (this.file !== null) this.setLocked(true);
  }

  /**
   * Unlocks with the PIN or password. Throws `lock.wrongPin` (and counts the failure) or
   * `lock.wait` while a previous failure's delay runs; the PIN is never logged nor echoed.
   */
  async unlock(pin: string): Promise<void> {
    if (!this.isLocked) return;
    await this.checkPin(pin);
    this.setLocked(false);
  }

  /** Unlocks after the operating system confirmed the user (Touch ID). */
  unlockBySystem(): void {
    if (this.file !== null) this.setLocked(false);
  }

  /**
   * Turns the lock on, changes its PIN or idle time (`next`), or turns it off (null). When it is
   * on already, `currentPin` must be its PIN. Only while unlocked. Turning it on also needs
   * `confirmTurnOn` to say yes (the app asks the user outside the window, so that a compromised
   * window cannot lock the user out with a PIN of its own); `lock.notTurnedOn` otherwise.
   */
  async configure(currentPin: string | null, next: { pin: string; idleMinutes: number } | null, confirmTurnOn: () => Promise<boolean>): Promise<LockStatus> {
    if (this.isLocked) throw new TweestapError('input', 'lock.locked');
    if (this.file !== null) await this.checkPin(currentPin ?? '');
    if (next === null) {
      await rm(this.filePath, { force: true });
      this.file = null;
      return this.status();
    }
    if (next.pin.length < MIN_LOCK_PIN_LENGTH || next.pin.length > MAX_LOCK_PIN_LENGTH) {
      throw new TweestapError('input', 'lock.pinLength', { min: MIN_LOCK_PIN_LENGTH, max: MAX_LOCK_PIN_LENGTH });
    }
    if (this.file === null && !(await confirmTurnOn())) throw new TweestapError('input', 'lock.notTurnedOn');
    const salt = randomBytes(16);
    const hash = await deriveScryptKey(next.pin, salt, SCRYPT);
    const file = lockFileSchema.parse({ version: FILE_VERSION, ...SCRYPT, salt: salt.toString('base64'), hash: hash.toString('base64'), idleMinutes: next.idleMinutes });
    await writeFileAtomic(this.filePath, `${JSON.stringify(file, null, 2)}\n`);
    this.file = file;
    return this.status();
  }

  /** Calls `listener` whenever the window becomes locked or unlocked; returns the unsubscribe function. */
  onChange(listener: (locked: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async checkPin(pin: string): Promise<void> {
    const now = this.clock.now();
    if (now < this.nextAttemptAt) throw new TweestapError('input', 'lock.wait', { seconds: Math.ceil((this.nextAttemptAt - now) / 1000) });
    const file = this.file;
    const expected = file ? Buffer.from(file.hash, 'base64') : null;
    const given = file ? await deriveScryptKey(pin, Buffer.from(file.salt, 'base64'), file) : null;
    if (expected && given && expected.length === given.length && timingSafeEqual(expected, given)) {
      this.failures = 0;
      this.nextAttemptAt = 0;
      return;
    }
    this.failures += 1;
    this.nextAttemptAt = this.clock.now() + unlockDelayMs(this.failures);
    throw new TweestapError('input', 'lock.wrongPin');
  }

  private setLocked(locked: boolean): void {
    if (this.isLocked === locked) return;
    this.isLocked = locked;
    for (const listener of this.listeners) listener(locked);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
