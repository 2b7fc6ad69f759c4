/**
 * The folders Tweestap writes secrets and its account list into must be its user's alone. A
 * folder another user can write lets that user plant a symlink or a file where we are about to
 * write, or swap what we wrote. New folders are made 0700; an existing folder is refused when
 * another user can write it: group- or world-writable (unless sticky and ours, where others
 * cannot rename or remove what we put there), or owned by another user (root aside). Linux and
 * macOS only: Windows folders have ACLs, not these modes, and a user's profile is private.
 */
import { mkdir, stat } from 'node:fs/promises';
import { TweestapError } from '../shared/errors';
import { errorCode } from './file-lock';

const GROUP_OR_WORLD_WRITABLE = 0o022;
const STICKY = 0o1000;
const ROOT_UID = 0;

/** What {@link isWritableByOthers} needs to know of a folder. */
export interface FolderOwnership {
  mode: number;
  uid: number;
}

/** True when a user other than `ownUid` (and root) can create, rename or remove entries in the folder. */
export function isWritableByOthers({ mode, uid }: FolderOwnership, ownUid: number): boolean {
  if (uid !== ownUid && uid !== ROOT_UID) return true;
  if ((mode & GROUP_OR_WORLD_WRITABLE) === 0) return false;
  return !((mode & STICKY) !== 0 && uid === ownUid);
}

/**
 * Creates `dir` (and missing parents) 0700 when missing, then refuses it with TweestapError
 * `vault.folderNotPrivate` (kind input, naming it) when another user can write it. File-system
 * errors (no permission, not a folder) are passed on as they are.
 */
export async function ensurePrivateFolder(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await assertPrivateFolder(dir);
}

/**
 * The data folder, ready for use: created 0700 and private, or a TweestapError naming it (a file
 * where the folder should be, no permission), so the app's start-up dialog says which folder.
 */
export async function openDataFolder(dir: string): Promise<void> {
  try {
    await ensurePrivateFolder(dir);
  } catch (error) {
    if (error instanceof TweestapError) throw error;
    throw new TweestapError('vault', 'vault.folderUnavailable', { folder: dir, reason: errorCode(error) ?? String(error) });
  }
}

/** Refuses an existing `dir` another user can write (see {@link ensurePrivateFolder}). */
export async function assertPrivateFolder(dir: string): Promise<void> {
  const ownUid = process.getuid?.();
  if (process.platform === 'win32' || ownUid === undefined) return;
  const info = await stat(dir);
  if (!info.isDirectory()) throw Object.assign(new Error(`not a folder: ${dir}`), { code: 'ENOTDIR' });
  if (isWritableByOthers(info, ownUid)) throw new TweestapError('input', 'vault.folderNotPrivate', { folder: dir });
}
