import { describe, expect, it } from 'vitest';
import { isWritableByOthers } from '../../../node/private-folder';

const US = 1000;
const OTHER = 1001;
const ROOT = 0;

describe('isWritableByOthers', () => {
  it.each([
    ['ours, 0700', { mode: 0o40700, uid: US }, false],
    ['ours, 0755', { mode: 0o40755, uid: US }, false],
    ["root's, 0755 (a system folder)", { mode: 0o40755, uid: ROOT }, false],
    ['ours, group-writable 0770', { mode: 0o40770, uid: US }, true],
    ['ours, world-writable 0777', { mode: 0o40777, uid: US }, true],
    ['ours, world-writable and sticky 1777', { mode: 0o41777, uid: US }, false],
    ["root's, world-writable and sticky (/tmp)", { mode: 0o41777, uid: ROOT }, true],
    ["another user's, 0700", { mode: 0o40700, uid: OTHER }, true],
    ["another user's, sticky 1777", { mode: 0o41777, uid: OTHER }, true],
  ])('%s: %s', (_name, folder, expected) => {
    expect(isWritableByOthers(folder, US)).toBe(expected);
  });
});

describe('openDataFolder', () => {
  it('names the folder when a file stands in its place', async () => {
    const { mkdtemp, rm, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { openDataFolder } = await import('../../../node/private-folder');
    const dir = await mkdtemp(path.join(tmpdir(), 'tweestap-datafolder-'));
    try {
      const file = path.join(dir, 'not-a-folder');
      await writeFile(file, 'x');
      await expect(openDataFolder(file)).rejects.toMatchObject({ key: 'vault.folderUnavailable', params: { folder: file, reason: 'EEXIST' } });
      await expect(openDataFolder(path.join(dir, 'fresh'))).resolves.toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
