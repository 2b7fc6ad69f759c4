/**
 * The one way Tweestap replaces a file: write a new file beside it, fsync, rename over the old one,
 * fsync the folder. Readers (the app and the CLI at once) see the old file or the new, never half.
 * The temporary file gets a random name and is created exclusively (O_EXCL: a planted file or
 * symlink of that name is never followed), mode 0600.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** A fresh, unguessable temporary name beside `file`: `<file><marker><random>`. */
export function temporaryNameFor(file: string, marker = '.tmp-'): string {
  return `${file}${marker}${randomBytes(8).toString('hex')}`;
}

/** Creates `file` (which must not exist) with `text`, mode 0600, and fsyncs it. */
export async function writeDurably(file: string, text: string): Promise<void> {
  const handle = await open(file, 'wx', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
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

/** Replaces `filePath` with `text` atomically (its folder is created 0700 when missing). */
export async function writeFileAtomic(filePath: string, text: string): Promise<void> {
  const dir = path.dirname(filePath);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = temporaryNameFor(filePath);
  try {
    await writeDurably(temp, text);
    await rename(temp, filePath);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDir(dir);
}
