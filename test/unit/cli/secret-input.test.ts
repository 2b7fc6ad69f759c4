/**
 * Secrets off the command line (issue 12.3): the link from standard input (`-`) or a file
 * (`--uri-file`) for code, verify and inspect, help that warns, and usage errors that never
 * quote a link or a key. Run as child processes, the way scripts run the CLI.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readSmallFile } from '../../../cli/secret-input';
import { buildCli, json, tweestap } from './run-cli';

vi.setConfig({ testTimeout: 30_000 });

const SECRET = 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU';
const URI = `otpauth://totp/Nse-Portal:alice%40example.com?secret=${SECRET}&issuer=Nse-Portal&period=20`;
const T = 1_735_689_600;

let dir: string;
beforeAll(() => {
  buildCli();
  dir = mkdtempSync(path.join(os.tmpdir(), 'tweestap-secret-input-'));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[], input?: string, env: Record<string, string> = {}) => tweestap(args, { TWEESTAP_HOME: path.join(dir, 'home'), ...env }, input);
const expected = execFileSync('oathtool', ['--totp', '--time-step-size=20s', `--now=@${T}`, '-b', SECRET], { encoding: 'utf8' }).trim();

describe('links from standard input and files', () => {
  it('code, verify and inspect read the link from standard input with -, a trailing line break and all', () => {
    expect(json<Array<{ code: string }>>(run(['code', '--uri', '-', '--at', `@${T}`, '--json'], `${URI}\n`))[0]!.code).toBe(expected);
    expect(run(['verify', '--uri', '-', expected, '--at', `@${T}`], URI).status).toBe(0);
    expect(run(['verify', '--uri', '-', '000000', '--at', `@${T}`, '--window', '0'], URI).status).toBe(1);
    expect(json<{ secret: string }>(run(['inspect', '-', '--json'], URI)).secret).toBe(SECRET);
    expect(json<{ secret: string }>(run(['inspect', '--uri', '-', '--json'], URI)).secret).toBe(SECRET);
  });

  it('reads --uri-file, and refuses a folder, a missing file and both --uri and --uri-file', () => {
    const file = path.join(dir, 'link.txt');
    writeFileSync(file, `${URI}\n`, { mode: 0o600 });
    expect(json<Array<{ code: string }>>(run(['code', '--uri-file', file, '--at', `@${T}`, '--json']))[0]!.code).toBe(expected);
    expect(run(['verify', '--uri-file', file, expected, '--at', `@${T}`]).status).toBe(0);
    expect(json<{ secret: string }>(run(['inspect', '--uri-file', file, '--json'])).secret).toBe(SECRET);
    expect(run(['code', '--uri-file', dir]).status).toBe(2);
    expect(run(['code', '--uri-file', path.join(dir, 'missing')]).status).toBe(2);
    expect(run(['code', '--uri', '-', '--uri-file', file], URI).status).toBe(2);
  });

  // Opening a FIFO for reading waits for a writer: the file is refused before it is opened for real.
  it('refuses a FIFO named by --uri-file at once instead of waiting for a writer', async () => {
    const fifo = path.join(dir, 'link.fifo');
    execFileSync('mkfifo', [fifo]);
    await expect(readSmallFile(fifo)).rejects.toMatchObject({ key: 'cli.source.unreadable', params: { file: fifo } });
    expect(run(['code', '--uri-file', fifo]).status).toBe(2);
  });

  it('says so when standard input is empty (exit 2)', () => {
    const empty = run(['code', '--uri', '-'], '');
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('nothing to read');
  });
});

describe('usage errors never quote a link or a key', () => {
  it.each([
    ['a link as the command', [URI]],
    ['a link as a query', ['code', URI]],
    ['a link as a surplus argument', ['inspect', '-', URI]],
    ['a key as a surplus argument', ['verify', '--uri', '-', '123456', SECRET]],
    ['a key in lower case with spaces as the command', [SECRET.toLowerCase().replace(/(.{4})/g, '$1 ').trim()]],
    ['a link as --at', ['code', '--uri', '-', '--at', URI]],
    ['a link as --image', ['add', '--image', URI]],
  ])('%s', (_name, args) => {
    const result = run(args, URI);
    expect(result.status).not.toBe(0);
    expect(result.stderr).not.toMatch(new RegExp(SECRET.slice(0, 12), 'i'));
    expect(result.stderr).not.toMatch(/KRSX G5CT|otpauth:/i);
    expect(result.stderr).toMatch(/<(link|key) hidden>/);
  });

  it('hides them in Dutch too, and still quotes an ordinary word and a file name', () => {
    expect(run([URI], '', { LANG: 'nl_NL.UTF-8' }).stderr).toContain('<link verborgen>');
    expect(run(['lijst']).stderr).toContain('"lijst"');
    const missing = path.join(dir, 'tweestap-cli-keychain-DvDO4F', 'vault.json');
    expect(run(['code', '--uri-file', missing]).stderr).toContain(missing);
  });
});

describe('help', () => {
  it.each(['add', 'code', 'verify', 'inspect'])('of %s warns against keys in argv and shows the safe forms', (command) => {
    const help = run([command, '--help']).stdout;
    expect(help).toMatch(/shell\s+history/);
    expect(help).toMatch(/--uri-file|-(\s|$)/m);
  });
});
