import { lstat, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { temporaryNameFor, writeDurably, writeFileAtomic } from '../../../node/atomic-file';

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
