import { chmod, chown, lstat, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { temporaryNameFor, writeDurably, writeFileAtomic } from '../../../node/atomic-file';
import { TweestapError } from '../../../shared/errors';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tweestap-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('replaces the file whole, mode 0600, leaving no temporary file', async () => {
    const file = path.join(dir, 'settings.json');
    await writeFile(file, 'old');
    await writeFileAtomic(file, 'new');
    expect(await readFile(file, 'utf8')).toBe('new');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('creates a missing folder 0700', async () => {
    const file = path.join(dir, 'data', 'settings.json');
    await writeFileAtomic(file, '{}');
    expect((await stat(path.dirname(file))).mode & 0o777).toBe(0o700);
  });

  // Issue 12.5: export --migration-qr kept a pre-existing PNG's 0666 and followed a planted symlink.
  it('never keeps the mode of the file it replaces', async () => {
    const file = path.join(dir, 'export.png');
    await writeFile(file, 'old');
    await chmod(file, 0o666);
    await writeFileAtomic(file, Buffer.from([1, 2, 3]));
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect([...(await readFile(file))]).toEqual([1, 2, 3]);
  });

  it('replaces a planted symlink at the target itself, never writing through it', async () => {
    const victim = path.join(dir, 'victim');
    await writeFile(victim, 'keep');
    const file = path.join(dir, 'export.png');
    await symlink(victim, file);
    await writeFileAtomic(file, 'secret');
    expect(await readFile(victim, 'utf8')).toBe('keep');
    expect((await lstat(file)).isSymbolicLink()).toBe(false);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it.each([
    ['world-writable', 0o777],
    ['group-writable', 0o770],
    ['group-writable only (0730)', 0o730],
  ])('refuses a folder that is %s, writing nothing', async (_name, mode) => {
    const shared = path.join(dir, 'shared');
    await mkdir(shared);
    await chmod(shared, mode);
    const error = await writeFileAtomic(path.join(shared, 'backup.tweestap'), 'secret').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TweestapError);
    expect((error as TweestapError).key).toBe('vault.folderNotPrivate');
    expect((error as TweestapError).params).toEqual({ folder: shared });
    expect(await readdir(shared)).toEqual([]);
  });

  it('accepts a sticky folder of ours that others may write (they cannot rename or remove our files)', async () => {
    const sticky = path.join(dir, 'sticky');
    await mkdir(sticky);
    await chmod(sticky, 0o1777);
    await writeFileAtomic(path.join(sticky, 'a'), 'x');
    expect(await readdir(sticky)).toEqual(['a']);
  });

  it.runIf(process.getuid?.() === 0)("refuses a folder of another user (as root: one given to nobody)", async () => {
    const theirs = path.join(dir, 'theirs');
    await mkdir(theirs, { mode: 0o755 });
    await chown(theirs, 65534, 65534);
    await expect(writeFileAtomic(path.join(theirs, 'x'), 'secret')).rejects.toMatchObject({ key: 'vault.folderNotPrivate' });
  });
});

describe('writeDurably', () => {
  it('never follows a planted symlink: the name must not exist', async () => {
    const target = path.join(dir, 'victim');
    await writeFile(target, 'keep');
    const planted = path.join(dir, 'planted');
    await symlink(target, planted);
    await expect(writeDurably(planted, 'secret')).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(target, 'utf8')).toBe('keep');
    expect((await lstat(planted)).isSymbolicLink()).toBe(true);
  });

  it('gets a different, unguessable temporary name each time', () => {
    const names = new Set(Array.from({ length: 50 }, () => temporaryNameFor('/x/vault.json')));
    expect(names.size).toBe(50);
    for (const name of names) expect(name).toMatch(/^\/x\/vault\.json\.tmp-[0-9a-f]{16}$/);
  });
});
