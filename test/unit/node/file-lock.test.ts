import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
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
    // pid 1 is alive on every Unix system (and EPERM counts as alive).
    writeFileSync(lockPath, JSON.stringify({ pid: 1, nonce: 'alive' }));
    const error = await withFileLock(lockPath, async () => 'ran', { timeoutMs: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TweestapError);
    expect((error as TweestapError).kind).toBe('vault');
    expect((error as TweestapError).key).toBe('vault.lockTimeout');
    expect((error as TweestapError).params.file).toBe(lockPath);
    expect(readFileSync(lockPath, 'utf8')).toContain('alive');
  });
});
