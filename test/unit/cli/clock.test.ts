/** `tweestap clock check` end to end against a local server whose clock runs 2 minutes ahead. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSkewedServer, type SkewedServer } from '../../fixtures/clock/skewed-server';
import { buildCli, CLI } from './run-cli';

const run = promisify(execFile);
let ahead: SkewedServer;
let noDate: SkewedServer;

beforeAll(async () => {
  buildCli();
  ahead = await startSkewedServer({ aheadMs: 120_000 });
  noDate = await startSkewedServer({ aheadMs: 0, withDate: false });
}, 60_000);
afterAll(async () => {
  await ahead.close();
  await noDate.close();
});

/** Runs the CLI without blocking this process (the servers live in it). */
async function tweestap(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const env = { ...process.env, LANG: 'C', LC_ALL: '', LANGUAGE: '' };
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { env, timeout: 30_000 });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { status: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('tweestap clock check', () => {
  it('prints {offsetMs, samples, url} with --json', async () => {
    const result = await tweestap(['clock', 'check', ahead.url, '--json']);
    expect(result.status).toBe(0);
    const value = JSON.parse(result.stdout) as { offsetMs: number; samples: number; url: string };
    expect(Object.keys(value).sort()).toEqual(['offsetMs', 'samples', 'url']);
    expect(Math.abs(value.offsetMs - 120_000)).toBeLessThan(1000);
    expect(value.samples).toBeGreaterThanOrEqual(3);
    expect(value.url).toBe(ahead.url);
  });

  it('prints the offset in words without --json', async () => {
    const result = await tweestap(['clock', 'check', ahead.url]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Offset: 1(19|20)\d{3} ms \(\d samples from http:\/\/127\.0\.0\.1:\d+\/\)/);
  });

  it('exits 1 with a message when no usable Date header comes back', async () => {
    const result = await tweestap(['clock', 'check', noDate.url, '--json']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('answered without a usable time (no Date header)');
  });

  it('exits 1 when the site cannot be reached', async () => {
    const result = await tweestap(['clock', 'check', 'http://127.0.0.1:9/']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('could not be reached');
  });

  it.each([['not a url'], ['ftp://example.com/'], ['nse-portal.crowdtech.com']])('exits 2 on the bad URL %j', async (url) => {
    const result = await tweestap(['clock', 'check', url]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('is not a web address');
  });
});
