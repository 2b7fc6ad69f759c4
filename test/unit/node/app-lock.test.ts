/** Issue 12.8: the app lock's state, its stored hash (never the PIN) and the wait after wrong tries. */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APP_LOCK_FILE, AppLock, idleLockDue, unlockDelayMs } from '../../../node/app-lock';

const PIN = 'paard-1234';
let dir: string;
let now: number;
const clock = { now: () => now };
const open = () => AppLock.open(dir, clock, () => undefined);

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tweestap-lock-'));
  now = Date.UTC(2026, 0, 1);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The user's answer to main's question before the lock is turned on. */
const yes = async () => true;

describe('AppLock', () => {
  it('is off by default: never locks', async () => {
    const lock = await open();
    lock.lock();
    expect(lock.status()).toEqual({ enabled: false, locked: false, idleMinutes: null, retryAt: null });
  });

  it('stores only a scrypt hash of the PIN (0600), starts locked next time and unlocks with the PIN only', async () => {
    await (await open()).configure(null, { pin: PIN, idleMinutes: 5 }, yes);
    const text = readFileSync(path.join(dir, APP_LOCK_FILE), 'utf8');
    expect(text).not.toContain(PIN);
    expect(JSON.parse(text)).toMatchObject({ version: 1, N: 2 ** 15, r: 8, p: 1, idleMinutes: 5 });
    if (process.platform !== 'win32') expect(statSync(path.join(dir, APP_LOCK_FILE)).mode & 0o777).toBe(0o600);

    const lock = await open();
    expect(lock.status()).toMatchObject({ enabled: true, locked: true, idleMinutes: 5 });
    await expect(lock.unlock('paard-1235')).rejects.toMatchObject({ key: 'lock.wrongPin' });
    expect(lock.locked).toBe(true);
    await lock.unlock(PIN);
    expect(lock.locked).toBe(false);
  });

  it('tells listeners when it locks and unlocks', async () => {
    const lock = await open();
    await lock.configure(null, { pin: PIN, idleMinutes: 1 }, yes);
    const changes: boolean[] = [];
    lock.onChange((locked) => changes.push(locked));
    lock.lock();
    lock.lock();
    await lock.unlock(PIN);
    expect(changes).toEqual([true, false]);
  });

  it('makes guessing wait longer after three wrong tries, and refuses tries during the wait', async () => {
    const lock = await open();
    await lock.configure(null, { pin: PIN, idleMinutes: 1 }, yes);
    lock.lock();
    for (let i = 0; i < 3; i++) await expect(lock.unlock('0000')).rejects.toMatchObject({ key: 'lock.wrongPin' });
    expect(lock.status().retryAt).toBe(now + 2000);
    await expect(lock.unlock(PIN)).rejects.toMatchObject({ key: 'lock.wait', params: { seconds: 2 } });
    expect(lock.locked).toBe(true);
    now += 2000;
    await lock.unlock(PIN);
    expect(lock.locked).toBe(false);
  });

  it('changes or turns off only with the current PIN, and not while locked', async () => {
    const lock = await open();
    await lock.configure(null, { pin: PIN, idleMinutes: 5 }, yes);
    await expect(lock.configure(null, null, yes)).rejects.toMatchObject({ key: 'lock.wrongPin' });
    await expect(lock.configure('wrong', { pin: '9999', idleMinutes: 1 }, yes)).rejects.toMatchObject({ key: 'lock.wrongPin' });
    now += 60 * 60 * 1000;
    lock.lock();
    await expect(lock.configure(PIN, null, yes)).rejects.toMatchObject({ key: 'lock.locked' });
    await lock.unlock(PIN);
    await expect(lock.configure(PIN, { pin: '123', idleMinutes: 1 }, yes)).rejects.toMatchObject({ key: 'lock.pinLength' });
    await lock.configure(PIN, null, yes);
    expect((await open()).status()).toMatchObject({ enabled: false, locked: false });
  });

  it('is turned on only when the user confirms outside the window; asked only when it is off, after the PIN is checked', async () => {
    const lock = await open();
    const asked: string[] = [];
    const answer = (value: boolean) => async () => {
      asked.push(String(value));
      return value;
    };
    await expect(lock.configure(null, { pin: '123', idleMinutes: 5 }, answer(true))).rejects.toMatchObject({ key: 'lock.pinLength' });
    expect(asked).toEqual([]);
    await expect(lock.configure(null, { pin: PIN, idleMinutes: 5 }, answer(false))).rejects.toMatchObject({ key: 'lock.notTurnedOn' });
    expect(lock.status()).toMatchObject({ enabled: false });
    expect(existsSync(path.join(dir, APP_LOCK_FILE))).toBe(false);
    await lock.configure(null, { pin: PIN, idleMinutes: 5 }, answer(true));
    expect(lock.status()).toMatchObject({ enabled: true });
    // A new PIN for a lock that is on needs the current PIN, not the question.
    await lock.configure(PIN, { pin: 'paard-9876', idleMinutes: 1 }, answer(false));
    expect(asked).toEqual(['false', 'true']);
  });

  it('stays locked on a damaged file rather than opening the app', async () => {
    writeFileSync(path.join(dir, APP_LOCK_FILE), '{"version":1,"hash":');
    const lock = await open();
    expect(lock.status()).toMatchObject({ enabled: true, locked: true });
    await expect(lock.unlock(PIN)).rejects.toMatchObject({ key: 'lock.wrongPin' });
  });
});

describe('unlockDelayMs and idleLockDue', () => {
  it('waits 0, 0, 0, then 2, 4, 8 s … at most an hour', () => {
    expect([0, 1, 2, 3, 4, 5, 30].map(unlockDelayMs)).toEqual([0, 0, 0, 2000, 4000, 8000, 3_600_000]);
  });

  it('locks after the idle time only when the lock is on', () => {
    expect(idleLockDue(5, 299)).toBe(false);
    expect(idleLockDue(5, 300)).toBe(true);
    expect(idleLockDue(null, 10_000)).toBe(false);
  });
});
