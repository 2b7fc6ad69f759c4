import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readRegularFile } from '../../../node/bounded-read';
import { TweestapError } from '../../../shared/errors';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tweestap-read-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function refusal(file: string, max = 1024): Promise<TweestapError> {
  const error = await readRegularFile(file, max).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TweestapError);
  return error as TweestapError;
}

describe('readRegularFile (issue 12.6: `tweestap scan /dev/zero` grew to 4.7 GB)', () => {
  it('reads a regular file up to and including the limit', async () => {
    const file = path.join(dir, 'a');
    await writeFile(file, Buffer.alloc(1024, 7));
    expect(await readRegularFile(file, 1024)).toEqual(Buffer.alloc(1024, 7));
  });

  it('refuses a file over the limit from its size, before reading it', async () => {
    const file = path.join(dir, 'big');
    await writeFile(file, Buffer.alloc(1025));
    const error = await refusal(file);
    expect(error.key).toBe('file.tooLarge');
    expect(error.params).toEqual({ file, size: 1025, max: 1024 });
  });

  it.runIf(process.platform !== 'win32')('refuses /dev/zero, an endless device, without reading it', async () => {
    expect((await refusal('/dev/zero', 16 * 1024 * 1024)).key).toBe('file.notRegular');
  });

  it.runIf(process.platform !== 'win32')('refuses a FIFO at once instead of waiting for a writer', async () => {
    const fifo = path.join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    expect((await refusal(fifo)).key).toBe('file.notRegular');
  });

  it('refuses a folder', async () => {
    expect((await refusal(dir)).key).toBe('file.notRegular');
  });

  it("passes on Node's error for a missing file", async () => {
    await expect(readRegularFile(path.join(dir, 'missing'), 10)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
