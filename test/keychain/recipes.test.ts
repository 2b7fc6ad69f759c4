/**
 * The recipes of docs/cli.md, run as written against a real vault and keychain, so the docs
 * cannot drift from the CLI (issue 13.6). Each fenced block tagged `recipe=<name>` is run by its
 * own language: bash, TypeScript (the helpers above the Playwright `test(...)`, under tsx),
 * pytest, Java (single-file launch) against a real `tweestap serve`, curl. `tweestap` and `npx`
 * on PATH are shims for the built CLI. Every code they print must be oathtool's.
 */
import { execFileSync, spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildCli, CLI, ROOT } from '../unit/cli/run-cli';

const PERIOD = 6; // short, so a recipe's waits for a fresh step stay short; above its --min-valid 5
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const SECRET = Array.from(randomBytes(20), (b) => BASE32[b % 32]).join('');
const TOTP_URI = `otpauth://totp/Example:alice%40example.com?secret=${SECRET}&issuer=Example&period=${PERIOD}`;

/** The fenced blocks of docs/cli.md tagged `recipe=<name>`, by name. */
function recipes(): Map<string, string> {
  const markdown = readFileSync(path.join(ROOT, 'docs/cli.md'), 'utf8');
  return new Map([...markdown.matchAll(/^```\w+ recipe=([\w-]+)\n([\s\S]*?)^```$/gm)].map((m) => [m[1]!, m[2]!]));
}

const RECIPES = recipes();
let root: string;
let work: string;
let env: NodeJS.ProcessEnv;
const servers: ChildProcessWithoutNullStreams[] = [];

beforeAll(() => {
  buildCli();
  root = mkdtempSync(path.join(os.tmpdir(), 'tweestap-recipes-'));
  const bin = path.join(root, 'bin');
  mkdirSync(bin);
  const shim = (name: string, body: string) => {
    writeFileSync(path.join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(path.join(bin, name), 0o755);
  };
  shim('tweestap', `exec "${process.execPath}" "${CLI}" "$@"`);
  shim('npx', `[ "$1" = tweestap ] || exit 127\nshift\nexec "${process.execPath}" "${CLI}" "$@"`);
  env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, LANG: 'C', LC_ALL: '', TOTP_URI };
}, 60_000);
afterAll(() => {
  for (const server of servers) server.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

let counter = 0;
beforeEach(() => {
  // Each recipe on its own vault (and so its own ledger), with alice@example.com in it.
  counter += 1;
  work = path.join(root, `work-${counter}`);
  mkdirSync(work);
  env = { ...env, TWEESTAP_HOME: path.join(work, 'home'), TWEESTAP_KEYCHAIN_SERVICE: `tweestap-recipes-${process.pid}-${counter}` };
  expect(spawnSync('tweestap', ['add', '-'], { env, input: TOTP_URI, encoding: 'utf8' }).status).toBe(0);
});

function recipe(name: string): string {
  const text = RECIPES.get(name);
  if (text === undefined) throw new Error(`docs/cli.md has no recipe=${name} block`);
  return text;
}

/** Runs a command in the recipe's folder; fails the test with its stderr when it fails. */
function runIn(command: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}): string {
  const result = spawnSync(command, args, { cwd: work, env: { ...env, ...extraEnv }, encoding: 'utf8', timeout: 60_000 });
  expect(result.status, `${command} ${args.join(' ')}\n${result.stdout}\n${result.stderr}`).toBe(0);
  return result.stdout;
}

/** True when `code` is the code of a step from two before now to one after (oathtool's). */
function isCurrentCode(code: string): boolean {
  const now = Math.floor(Date.now() / 1000);
  return [-2, -1, 0, 1].some(
    (k) => execFileSync('oathtool', ['--totp', `--time-step-size=${PERIOD}s`, `--now=@${now + k * PERIOD}`, '-b', SECRET], { encoding: 'utf8' }).trim() === code,
  );
}

function write(name: string, text: string): string {
  const file = path.join(work, name);
  writeFileSync(file, text);
  return file;
}

/** `tweestap serve` as the recipe starts it (the command line of the text before the Java block). */
async function startServe(): Promise<string> {
  const markdown = readFileSync(path.join(ROOT, 'docs/cli.md'), 'utf8');
  const line = /`tweestap (serve --token-file [^`&]+?) &`/.exec(markdown)?.[1];
  expect(line, 'the serve command line of the Java recipe').toBeDefined();
  const child = spawn('tweestap', line!.split(' '), { cwd: work, env });
  servers.push(child);
  const first = await new Promise<string>((resolve) => createInterface({ input: child.stdout }).once('line', resolve));
  return (JSON.parse(first) as { url: string }).url;
}

describe('the recipes of docs/cli.md', () => {
  it('has every recipe the issue asks for', () => {
    expect([...RECIPES.keys()].sort()).toEqual(['ci', 'curl', 'playwright', 'pytest', 'serve', 'shell']);
  });

  it('shell: a fresh code with time left, accepted by verify', () => {
    const out = runIn('bash', ['-e', write('recipe.sh', recipe('shell'))]);
    const code = /accepted (\d{6})/.exec(out)?.[1];
    expect(code && isCurrentCode(code)).toBe(true);
  });

  it('Playwright: the helpers give fresh codes of the account and of a link on stdin', () => {
    const helpers = recipe('playwright').split(/^test\(/m)[0]!;
    const file = write('recipe.mts', `${helpers}\nconsole.log(JSON.stringify([freshCode('alice@example.com'), freshCodeOfLink(process.env.TOTP_URI!)]));\n`);
    const codes = JSON.parse(runIn(process.execPath, ['--import', path.join(ROOT, 'node_modules/tsx/dist/esm/index.mjs'), file])) as string[];
    expect(codes.every(isCurrentCode)).toBe(true);
  });

  it('pytest: the test passes, and the helper gives a current code', () => {
    const file = write('test_recipe.py', recipe('pytest'));
    runIn('pytest', ['-q', '-p', 'no:cacheprovider', file]);
    const code = runIn('python3', ['-c', 'import test_recipe; print(test_recipe.fresh_code("alice@example.com"))']).trim();
    expect(isCurrentCode(code)).toBe(true);
  });

  it('Java and curl against tweestap serve: fresh codes, never the same step twice', async () => {
    const url = await startServe();
    write('FreshCode.java', recipe('serve'));
    const javaCode = runIn('java', ['FreshCode.java', url, 'build/tweestap.token']).trim();
    expect(isCurrentCode(javaCode)).toBe(true);
    const rows = JSON.parse(runIn('bash', ['-e', write('curl.sh', recipe('curl'))], { URL: url })) as Array<{ code: string; step: number }>;
    expect(isCurrentCode(rows[0]!.code)).toBe(true);
    expect(rows[0]!.code).not.toBe(javaCode);
  });

  it('CI without a Secret Service: the link from a CI secret on stdin, nothing in argv', () => {
    const out = runIn('bash', ['-e', write('ci.sh', `${recipe('ci')}\nprintf 'CODE=%s\\n' "$code"\n`)], { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' });
    const code = /CODE=(\d{6})/.exec(out)?.[1];
    expect(out).toContain(`::add-mask::${code}`);
    expect(code && isCurrentCode(code)).toBe(true);
  });
});
