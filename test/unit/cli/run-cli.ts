/** Runs the built `tweestap` CLI as a child process, as testers' scripts do. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach } from 'vitest';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const CLI = path.join(ROOT, 'dist/cli/tweestap.mjs');

/** Bundles the CLI (dist/cli/tweestap.mjs) from the current sources. */
export function buildCli(): void {
  execFileSync(process.execPath, ['scripts/build-node.mjs', '--only', 'cli', '--quiet'], { cwd: ROOT, stdio: 'inherit' });
}

/** One test's own data folder and keychain service, under the file's temporary root. */
export interface CliHome {
  root: string;
  /** 1 for the first test of the file, 2 for the next... */
  index: number;
  home: string;
  service: string;
  /** TWEESTAP_HOME and TWEESTAP_KEYCHAIN_SERVICE for the CLI. */
  env: Record<string, string>;
}

/**
 * For CLI tests against the real keychain: builds the CLI once, makes a temporary root for the
 * file (removed afterwards) and hands each test a fresh data folder and keychain service.
 */
export function useCliHomes(name: string, onEach: (next: CliHome) => void): void {
  let root = '';
  let index = 0;
  beforeAll(() => {
    buildCli();
    root = mkdtempSync(path.join(os.tmpdir(), `tweestap-${name}-`));
  }, 60_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  beforeEach(() => {
    index += 1;
    const home = path.join(root, `home-${index}`);
    const service = `tweestap-${name}-${process.pid}-${index}`;
    onEach({ root, index, home, service, env: { TWEESTAP_HOME: home, TWEESTAP_KEYCHAIN_SERVICE: service } });
  });
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `tweestap ...args`. The child's locale variables are cleared (English) unless `env` sets
 * them; `env` values of undefined remove a variable.
 */
export function tweestap(args: readonly string[], env: Record<string, string | undefined> = {}, input?: string): CliResult {
  const childEnv: Record<string, string | undefined> = { ...process.env, LANG: undefined, LC_ALL: undefined, LC_MESSAGES: undefined, LANGUAGE: undefined, ...env };
  for (const [name, value] of Object.entries(childEnv)) if (value === undefined) delete childEnv[name];
  const result = spawnSync(process.execPath, [CLI, ...args], { env: childEnv as NodeJS.ProcessEnv, encoding: 'utf8', input: input ?? '', timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Parses stdout of a `--json` run. */
export function json<T = unknown>(result: CliResult): T {
  return JSON.parse(result.stdout) as T;
}
