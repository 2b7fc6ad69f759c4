/** Shared by the importer tests: generated export files in a fresh temp folder, and error capture. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { TweestapError } from '../../../../shared/errors';
import type { MessageKey } from '../../../../shared/i18n';
import { FIXTURE_ACCOUNTS, FIXTURE_FILES, FIXTURE_PASSWORD, writeImportFixtures } from '../../../fixtures/import/generate';

/** Writes the generated exports before the file's tests and removes them after; returns a reader. */
export function useImportFixtures(): (file: keyof typeof FIXTURE_FILES) => Promise<Buffer> {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'tweestap-import-'));
    await writeImportFixtures(dir);
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return (file) => readFile(path.join(dir, FIXTURE_FILES[file]));
}

/** The TweestapError `run` throws; anything else (or nothing) fails the test. */
export function errorOf(run: () => unknown): TweestapError {
  try {
    run();
  } catch (error) {
    if (error instanceof TweestapError) return error;
    throw new Error(`expected a TweestapError, got ${String(error)}`);
  }
  throw new Error('expected a TweestapError, nothing was thrown');
}

/** The TweestapError `run` throws or rejects with (for async readers); anything else fails the test. */
export async function rejectionOf(run: () => unknown): Promise<TweestapError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof TweestapError) return error;
    throw new Error(`expected a TweestapError, got ${String(error)}`);
  }
  throw new Error('expected a TweestapError, nothing was thrown');
}

/** {@link expectInputError} for a reader that rejects instead of throwing. */
export async function expectInputRejection(run: () => unknown, key: MessageKey): Promise<TweestapError> {
  const error = await rejectionOf(run);
  return expectInputError(() => {
    throw error;
  }, key);
}

/** Asserts an input error with `key` whose message holds neither the password nor a secret. */
export function expectInputError(run: () => unknown, key: MessageKey): TweestapError {
  const error = errorOf(run);
  expect(error.kind).toBe('input');
  expect(error.key).toBe(key);
  expect(error.message).not.toContain(FIXTURE_PASSWORD);
  for (const { secret } of FIXTURE_ACCOUNTS) expect(error.message).not.toContain(secret);
  return error;
}
