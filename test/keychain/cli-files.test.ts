/**
 * Issue 12.5 and 12.6 through the real CLI and keychain: files holding secrets are private (0600 in
 * a 0700 folder, never through a planted symlink, never keeping an old file's mode), folders other
 * users can write are refused, and what the CLI reads is bounded (no device, no FIFO, no huge file).
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, type CliResult, tweestap, useCliHomes } from '../unit/cli/run-cli';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** A fresh random secret per run: if it shows up anywhere unexpected, it leaked. */
const CANARY = Array.from(randomBytes(32), (b) => BASE32[b % 32]).join('');
const NSE = `otpauth://totp/Nse-Portal:alice%40example.com?secret=${CANARY}&issuer=Nse-Portal&period=20`;
const EXIT_INPUT = 2;

let root: string;
let home: string;
let work: string;
let service: string;
let counter: number;

useCliHomes('cli-files', (next) => {
  ({ root, home, service, index: counter } = next);
  work = path.join(root, `work-${counter}`);
  mkdirSync(work, { mode: 0o700 });
});

function env(): Record<string, string> {
  return { TWEESTAP_HOME: home, TWEESTAP_KEYCHAIN_SERVICE: service };
}

function run(args: string[], input?: string): CliResult {
  return tweestap(args, env(), input);
}

/** Adds the canary account (from a file of links: no secret on the command line). */
function addCanary(): void {
  const links = path.join(work, 'links.txt');
  writeFileSync(links, `${NSE}\n`, { mode: 0o600 });
  expect(run(['import', links]).status).toBe(0);
  rmSync(links);
}

function mode(file: string): number {
  return statSync(file).mode & 0o777;
}

describe('export writes private files (issue 12.5)', () => {
  it('--uris --output writes the links to a 0600 file, not to standard output', () => {
    addCanary();
    const file = path.join(work, 'uris.txt');
    const result = run(['export', '--uris', '--output', file]);
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain(CANARY);
    expect(readFileSync(file, 'utf8')).toContain(CANARY);
    expect(mode(file)).toBe(0o600);
  });

  it('--migration-qr creates its folder 0700 and each image 0600', () => {
    addCanary();
    const dir = path.join(work, 'qr');
    expect(run(['export', '--migration-qr', dir]).status).toBe(0);
    expect(mode(dir)).toBe(0o700);
    for (const name of readdirSync(dir)) expect(mode(path.join(dir, name))).toBe(0o600);
  });

  it('--migration-qr never keeps the mode of an image it replaces (0666 stayed 0666)', () => {
    addCanary();
    const png = path.join(work, 'tweestap-export-1-of-1.png');
    writeFileSync(png, 'old');
    chmodSync(png, 0o666);
    expect(run(['export', '--migration-qr', work]).status).toBe(0);
    expect(mode(png)).toBe(0o600);
  });

  it('--migration-qr never writes through a planted symlink (it overwrote the target)', () => {
    addCanary();
    const victim = path.join(work, 'victim.txt');
    writeFileSync(victim, 'keep');
    const dir = path.join(work, 'qr');
    mkdirSync(dir, { mode: 0o700 });
    symlinkSync(victim, path.join(dir, 'tweestap-export-1-of-1.png'));
    expect(run(['export', '--migration-qr', dir]).status).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('keep');
    expect(lstatSync(path.join(dir, 'tweestap-export-1-of-1.png')).isSymbolicLink()).toBe(false);
  });

  it('--backup never writes through a symlink planted at the old temporary name <file>.<pid>.tmp', async () => {
    addCanary();
    const file = path.join(work, 'backup.tweestap');
    const victim = path.join(work, 'victim.txt');
    writeFileSync(victim, 'keep');
    const child = spawn(process.execPath, [CLI, 'export', '--backup', file, '--password-stdin'], { env: { ...process.env, ...env() }, stdio: ['pipe', 'pipe', 'pipe'] });
    // The pid is known at once; the CLI needs far longer to start, open the keychain and run scrypt.
    symlinkSync(victim, `${file}.${child.pid}.tmp`);
    child.stdin.end('correct horse\n');
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(status).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('keep');
    expect(mode(file)).toBe(0o600);
  });

  it.each([
    ['--uris --output', (dir: string) => ['export', '--uris', '--output', path.join(dir, 'uris.txt')]],
    ['--migration-qr', (dir: string) => ['export', '--migration-qr', dir]],
    ['--backup', (dir: string) => ['export', '--backup', path.join(dir, 'b.tweestap'), '--password-stdin']],
  ])('%s refuses a folder other users can write, writing nothing', (_name, args) => {
    addCanary();
    const shared = path.join(work, 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o777);
    const result = run(args(shared), 'correct horse\n');
    expect(result.status).toBe(EXIT_INPUT);
    expect(result.stderr).toContain(shared);
    expect(result.stderr).toMatch(/other users can change the folder/i);
    expect(readdirSync(shared)).toEqual([]);
  });

  it('refuses a data folder other users can write, in Dutch too', () => {
    mkdirSync(home, { mode: 0o700 });
    chmodSync(home, 0o777);
    const links = path.join(work, 'links.txt');
    writeFileSync(links, `${NSE}\n`, { mode: 0o600 });
    const result = tweestap(['import', links], { ...env(), LANG: 'nl_NL.UTF-8' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/Andere gebruikers kunnen de map .* wijzigen/);
    expect(existsSync(path.join(home, 'vault.json'))).toBe(false);
  });
});

describe('what the CLI reads is bounded (issue 12.6)', () => {
  it.each([
    ['scan /dev/zero (grew to 4.7 GB)', () => ['scan', '/dev/zero']],
    ['import /dev/zero', () => ['import', '/dev/zero']],
    ['add --image /dev/zero', () => ['add', '--image', '/dev/zero']],
    ['scan of a FIFO (would wait for a writer)', () => {
      const fifo = path.join(work, 'fifo');
      execFileSync('mkfifo', [fifo]);
      return ['scan', fifo];
    }],
  ])('%s: refused at once as not a regular file', (_name, args) => {
    const result = run(args());
    expect(result.status).toBe(EXIT_INPUT);
    expect(result.stderr).toMatch(/is not a regular file/);
  });

  it('refuses an export file larger than any export before reading it', () => {
    const big = path.join(work, 'big.txt');
    writeFileSync(big, Buffer.alloc(65 * 1024 * 1024, 0x41));
    const result = run(['import', big]);
    expect(result.status).toBe(EXIT_INPUT);
    expect(result.stderr).toMatch(/too large/);
  });
});

describe('key length and --dry-run (issue 12.6)', () => {
  function linksFile(...links: string[]): string {
    const file = path.join(work, `links-${links.length}-${Math.random().toString(16).slice(2)}.txt`);
    writeFileSync(file, `${links.join('\n')}\n`, { mode: 0o600 });
    return file;
  }
  const WEAK = 'otpauth://totp/Weak:bob?secret=JBSWY3DPEHPK3PXP&issuer=Weak';

  it('adds a key under 128 bits with a visible warning, and --dry-run shows the same warning', () => {
    const file = linksFile(WEAK);
    const dry = run(['import', file, '--dry-run']);
    expect(dry.status).toBe(0);
    expect(dry.stderr).toMatch(/Weak \(bob\) has only 80 bits, fewer than the 128/);
    const real = run(['import', file]);
    expect(real.status).toBe(0);
    expect(real.stderr).toMatch(/Weak \(bob\) has only 80 bits/);
    expect(real.stdout).toMatch(/Weak/);
  });

  it('refuses a key longer than 1024 bits, in --dry-run exactly as in the import', () => {
    const long = Array.from(randomBytes(300), (b) => BASE32[b % 32]).join('');
    const file = linksFile(`otpauth://totp/Long:bob?secret=${long}&issuer=Long`);
    for (const args of [['import', file, '--dry-run'], ['import', file]]) {
      const result = run(args);
      expect(result.status).toBe(EXIT_INPUT);
      expect(result.stderr).toMatch(/longer than 1024 bits/);
      expect(result.stderr).not.toContain(long);
    }
  });

  it('--dry-run refuses what the import refuses: a name over 256 characters (it promised an import that then failed)', () => {
    const file = linksFile(`otpauth://totp/${'N'.repeat(300)}:bob?secret=${CANARY}&issuer=${'N'.repeat(300)}`);
    const dry = run(['import', file, '--dry-run']);
    const real = run(['import', file]);
    expect(real.status).toBe(EXIT_INPUT);
    expect(dry.status).toBe(real.status);
    expect(dry.stderr).toBe(real.stderr);
  });
});
