/**
 * The one way Tweestap writes a file, and the only way it writes one holding a secret (a backup,
 * `export --uris --output`, migration QR images): write a new file beside it, fsync, rename over
 * the old one, fsync the folder. Readers (the app and the CLI at once) see the old file or the
 * new, never half. The temporary file gets a random name and is created exclusively
 * (O_EXCL|O_NOFOLLOW: a planted file or symlink of that name is never followed), mode 0600; the
 * rename replaces a planted symlink at the target itself, never what it points to, and the new
 * file never keeps an old file's mode. The folder is created 0700 and refused when other users
 * can write it (node/private-folder.ts).
 */
import { randomBytes } from 'node:crypto';
import { constants, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { ensurePrivateFolder } from './private-folder';

/** Create, never open an existing name, never follow a symlink (O_NOFOLLOW is 0 where it does not exist). */
const CREATE_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/** A fresh, unguessable temporary name beside `file`: `<file><marker><random>`. */
export function temporaryNameFor(file: string, marker = '.tmp-'): string {
  return `${file}${marker}${randomBytes(8).toString('hex')}`;
}

/** Creates `file` (which must not exist) with `data` (text as UTF-8), mode 0600, and fsyncs it. */
export async function writeDurably(file: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(file, CREATE_NEW, 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** fsync of a folder makes a rename durable; not possible on Windows, where it is skipped. */
export async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Replaces `filePath` with `data` atomically, mode 0600. Its folder is created 0700 when missing;
 * one other users can write is refused (TweestapError `vault.folderNotPrivate`), writing nothing.
 */
export async function writeFileAtomic(filePath: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(filePath);
  await ensurePrivateFolder(dir);
  const temp = temporaryNameFor(filePath);
  try {
    await writeDurably(temp, data);
    await rename(temp, filePath);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDir(dir);
}
