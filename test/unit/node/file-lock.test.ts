import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TweestapError } from '../../../shared/errors';
import { withFileLock } from '../../../node/file-lock';

let dir: string;
let lockPath: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tweestap-lock-'));
  lockPath = path.join(dir, 'vault.json.lock');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The pid of a process that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('withFileLock', () => {
  it('holds a lock file with our pid while the function runs and removes it afterwards', async () => {
    const seen = await withFileLock(lockPath, async () => JSON.parse(readFileSync(lockPath, 'utf8')) as { pid: number; nonce: string });
    expect(seen.pid).toBe(process.pid);
    expect(seen.nonce).toMatch(/^[0-9a-f]{24}$/);
    expect(existsSync(lockPath)).toBe(false);
  });

  it('releases the lock when the function throws', async () => {
    await expect(withFileLock(lockPath, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(existsSync(lockPath)).toBe(false);
  });

  it('runs calls of one process one after another', async () => {
    const events: string[] = [];
    const task = (name: string) =>
      withFileLock(lockPath, async () => {
        events.push(`${name} in`);
        await new Promise((resolve) => setImmediate(resolve));
        events.push(`${name} out`);
      });
    await Promise.all([task('a'), task('b'), task('c')]);
    expect(events).toEqual(['a in', 'a out', 'b in', 'b out', 'c in', 'c out']);
  });

  it('takes over a lock whose holder process is dead', async () => {
    writeFileSync(lockPath, JSON.stringify({ pid: deadPid(), nonce: 'dead' }));
    expect(await withFileLock(lockPath, async () => 'ran')).toBe('ran');
    expect(existsSync(lockPath)).toBe(false);
  });

  it('takes over an empty lock file once it is older than a second (holder killed before writing it)', async () => {
    writeFileSync(lockPath, '');
    const past = new Date(Date.now() - 5000);
    utimesSync(lockPath, past, past);
    expect(await withFileLock(lockPath, async () => 'ran')).toBe('ran');
  });

  it('gives up with a vault error naming the lock file when a live process holds it', async () => {
    // Our parent (the test runner) is alive and ours.
    writeFileSync(lockPath, JSON.stringify({ pid: process.ppid, nonce: 'alive' }));
    const error = await withFileLock(lockPath, async () => 'ran', { timeoutMs: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TweestapError);
    expect((error as TweestapError).kind).toBe('vault');
    expect((error as TweestapError).key).toBe('vault.lockTimeout');
    expect((error as TweestapError).params.file).toBe(lockPath);
    expect(readFileSync(lockPath, 'utf8')).toContain('alive');
  });

  it('creates the lock file readable by its owner only (0600)', async () => {
    const mode = await withFileLock(lockPath, async () => statSync(lockPath).mode & 0o777);
    expect(mode).toBe(0o600);
  });

  // Issue 12.5: such a lock used to cost the full timeout (10 s by default) before a vague message.
  it("reports at once, by name, a lock held by another user's live process", async () => {
    const other = anotherUsersLock();
    try {
      const error = await withFileLock(lockPath, async () => 'ran', { timeoutMs: 60_000 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TweestapError);
      expect((error as TweestapError).key).toBe('vault.lockOtherUser');
      expect((error as TweestapError).params).toMatchObject({ file: lockPath, pid: other.pid });
      expect(existsSync(lockPath)).toBe(true);
    } finally {
      other.stop();
    }
  });
});

/**
 * A lock file held by another user's live process. As root: a process started as `nobody`, and
 * the lock file given to that user. Otherwise: pid 1, which belongs to root (signalling it: EPERM).
 */
function anotherUsersLock(): { pid: number; stop: () => void } {
  if (process.getuid?.() !== 0) {
    writeFileSync(lockPath, JSON.stringify({ pid: 1, nonce: 'theirs' }));
    return { pid: 1, stop: () => undefined };
  }
  const child = spawn('sleep', ['60'], { uid: NOBODY, gid: NOBODY, stdio: 'ignore' });
  writeFileSync(lockPath, JSON.stringify({ pid: child.pid, nonce: 'theirs' }));
  chownSync(lockPath, NOBODY, NOBODY);
  return { pid: child.pid!, stop: () => void child.kill() };
}
const NOBODY = 65534;
