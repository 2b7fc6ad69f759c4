/**
 * An inter-process lock on a file path, so the app and the CLI never interleave a
 * read-modify-write of the vault.
 *
 * The lock is a file created with O_EXCL holding `{ pid, nonce }`. A lock whose holder process is
 * dead (a writer killed with SIGKILL) is taken over; to make the takeover safe when several
 * waiters notice the dead holder at once, it is done under a second, short-lived O_EXCL "break"
 * lock and only if the lock file still holds the dead holder's nonce. Waiting is bounded.
 *
 * The lock file is created 0600. A lock held by another user's process (the lock file belongs to
 * another user, or its holder is a live process we may not signal) is reported at once
 * (`vault.lockOtherUser`) instead of waiting out the timeout: that user's process may hold it for
 * long, and we could not break it anyway.
 *
 * Known limit: a dead holder whose pid has been reused by another process of ours looks alive, so
 * waiters time out with a clear error until the user removes the lock file (the error names it).
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { TweestapError } from '../shared/errors';

export interface FileLockOptions {
  /** Give up after this many ms (default 10 000). */
  timeoutMs?: number;
  /** Pause between attempts in ms (default 15, with jitter). */
  retryMs?: number;
}

interface LockOwner {
  pid: number;
  nonce: string;
  /** The file has no readable owner yet but is too young to call stale. */
  beingWritten?: boolean;
  /** The user id the lock file belongs to (undefined on Windows and for our own new lock). */
  fileUid?: number;
}

/** Per-process queues, so one process never waits for a lock it already holds itself. */
const localQueues = new Map<string, Promise<unknown>>();

/**
 * Runs `fn` while holding the lock at `lockPath`, releasing it afterwards (also when `fn`
 * throws). Calls from the same process on the same path run one after another.
 */
export async function withFileLock<T>(lockPath: string, fn: () => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const previous = localQueues.get(lockPath) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(async () => {
    const owner = await acquire(lockPath, options);
    try {
      return await fn();
    } finally {
      await release(lockPath, owner);
    }
  });
  localQueues.set(lockPath, run);
  try {
    return await run;
  } finally {
    if (localQueues.get(lockPath) === run) localQueues.delete(lockPath);
  }
}

async function acquire(lockPath: string, { timeoutMs = 10_000, retryMs = 15 }: FileLockOptions): Promise<LockOwner> {
  const owner: LockOwner = { pid: process.pid, nonce: randomBytes(12).toString('hex') };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await tryCreate(lockPath, owner)) return owner;
    const holder = await readOwner(lockPath);
    if (holder && isStale(holder)) await breakStaleLock(lockPath, holder);
    else if (holder && heldByOtherUser(holder)) {
      throw new TweestapError('vault', 'vault.lockOtherUser', { file: lockPath, folder: path.dirname(lockPath), pid: holder.pid });
    } else if (Date.now() > deadline) {
      throw new TweestapError('vault', 'vault.lockTimeout', { file: lockPath, seconds: Math.round(timeoutMs / 1000), pid: holder?.pid ?? '?' });
    } else await sleep(retryMs + Math.random() * retryMs);
  }
}

/** Creates the lock file with O_EXCL; false when it already exists. */
async function tryCreate(lockPath: string, owner: LockOwner): Promise<boolean> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(lockPath, 'wx', 0o600);
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw new TweestapError('vault', 'vault.lockFailed', { file: lockPath, reason: errorCode(error) ?? String(error) });
  }
  try {
    await handle.writeFile(JSON.stringify(owner));
  } finally {
    await handle.close();
  }
  return true;
}

/**
 * The lock's holder, or null when the file is gone. A file without a readable owner is either
 * being written this instant or was left by a holder killed between creating and writing it;
 * it counts as stale once it is older than a second.
 */
async function readOwner(lockPath: string): Promise<LockOwner | null> {
  let text: string;
  let modified: number;
  let fileUid: number | undefined;
  try {
    // A lock file is a few dozen bytes; read no more than that, whatever was put there.
    [text, { mtimeMs: modified, uid: fileUid }] = await Promise.all([readSmall(lockPath), fs.stat(lockPath)]);
  } catch {
    return null;
  }
  if (process.platform === 'win32') fileUid = undefined;
  try {
    const parsed = JSON.parse(text) as Partial<LockOwner>;
    if (typeof parsed.pid === 'number' && typeof parsed.nonce === 'string') return { pid: parsed.pid, nonce: parsed.nonce, fileUid };
  } catch {
    // fall through: an empty or half-written file
  }
  const young = Date.now() - modified <= UNREADABLE_GRACE_MS;
  return { pid: DEAD_PID, nonce: `unreadable:${modified}:${text}`, beingWritten: young, fileUid };
}

const MAX_LOCK_FILE_BYTES = 1024;

/** The first KiB of a file as UTF-8, without following a symlink. */
async function readSmall(file: string): Promise<string> {
  const handle = await fs.open(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
  try {
    const buffer = Buffer.alloc(MAX_LOCK_FILE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/**
 * A live holder we must not wait for: the lock file belongs to another user, or its process is
 * one we may not signal (EPERM: another user's).
 */
function heldByOtherUser(holder: LockOwner): boolean {
  const ownUid = process.getuid?.();
  if (holder.beingWritten) return false;
  if (ownUid !== undefined && holder.fileUid !== undefined && holder.fileUid !== ownUid) return true;
  return holder.pid > 0 && signalError(holder.pid) === 'EPERM';
}

/** Stands for the holder of a lock file without a readable owner. */
const DEAD_PID = -1;
const UNREADABLE_GRACE_MS = 1000;

function isStale(holder: LockOwner): boolean {
  if (holder.beingWritten) return false;
  // Our own pid with a nonce we do not hold: left by an earlier process that had our pid
  // (calls within this process are queued, so it cannot be a live lock of ours).
  if (holder.pid === process.pid) return true;
  return !isAlive(holder.pid);
}

function isAlive(pid: number): boolean {
  if (pid <= 0) return false;
  const error = signalError(pid);
  return error === undefined || error === 'EPERM';
}

/** The error code of probing `pid` with signal 0 (ESRCH: gone; EPERM: another user's), or undefined when it is ours and alive. */
function signalError(pid: number): string | undefined {
  try {
    process.kill(pid, 0);
    return undefined;
  } catch (error) {
    return errorCode(error) ?? 'error';
  }
}

/** Removes `lockPath` if it still belongs to `stale`, under a break lock so only one waiter does it. */
async function breakStaleLock(lockPath: string, stale: LockOwner): Promise<void> {
  const breakPath = `${lockPath}.break`;
  const breaker: LockOwner = { pid: process.pid, nonce: randomBytes(12).toString('hex') };
  if (!(await tryCreate(breakPath, breaker))) {
    // Another waiter is breaking it; if that waiter died doing so, clear its break lock.
    const holder = await readOwner(breakPath);
    if (holder && isStale(holder)) await fs.rm(breakPath, { force: true });
    return;
  }
  try {
    const current = await readOwner(lockPath);
    if (current && current.nonce === stale.nonce) await fs.rm(lockPath, { force: true });
  } finally {
    await fs.rm(breakPath, { force: true });
  }
}

async function release(lockPath: string, owner: LockOwner): Promise<void> {
  const current = await readOwner(lockPath);
  if (current?.nonce === owner.nonce) await fs.rm(lockPath, { force: true });
}

/** The `code` of a Node system error (ENOENT, EEXIST, ...), if any. */
export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}
