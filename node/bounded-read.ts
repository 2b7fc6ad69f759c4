/**
 * Reading a file someone named, with its cost bounded before it is paid: only a regular file
 * (never a device such as /dev/zero, a FIFO that blocks, a socket or a folder), its size checked
 * first, and never more than the limit read even if the file grows meanwhile.
 */
import { constants, open } from 'node:fs/promises';
import { TweestapError } from '../shared/errors';

const CHUNK_BYTES = 64 * 1024;

/** settings.json, backup-status.json: a few hundred bytes; anything near this is not ours. */
export const MAX_SMALL_FILE_BYTES = 1024 * 1024;
/** vault.json: 10,000 accounts with the longest names in any script stay well below this. */
export const MAX_VAULT_FILE_BYTES = 64 * 1024 * 1024;

/**
 * The bytes of `file`, at most `maxBytes`. Throws TweestapError (kind input) `file.notRegular`
 * or `file.tooLarge`; a file that cannot be opened gives Node's error (its `code`: ENOENT,
 * EACCES, ...), for the caller to name.
 */
export async function readRegularFile(file: string, maxBytes: number): Promise<Buffer> {
  // Non-blocking, so opening a FIFO returns at once (and is then refused) instead of waiting for a writer.
  const handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new TweestapError('input', 'file.notRegular', { file });
    if (info.size > maxBytes) throw new TweestapError('input', 'file.tooLarge', { file, size: info.size, max: maxBytes });
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(CHUNK_BYTES, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) throw new TweestapError('input', 'file.tooLarge', { file, size: total, max: maxBytes });
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}
