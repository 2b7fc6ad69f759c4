/**
 * `tweestap code --fresh` and `--min-valid` (issue 13) with real processes, a real keychain and
 * the real clock: parallel workers never get the same step, each code is oathtool's, and a
 * damaged ledger is rebuilt without handing a step out twice. Also: `code <one>` and `list`
 * read only the secrets they need.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccountService } from '../../node/accounts';
import { createKeychainStore, loadKeytar, type KeytarBackend } from '../../node/keychain/keychain';
import { Vault } from '../../node/vault';
import { CLI, type CliResult, json, tweestap, useCliHomes } from '../unit/cli/run-cli';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** A fresh random secret per run: if it shows up in a file or an output, it leaked. */
const CANARY = Array.from(randomBytes(20), (b) => BASE32[b % 32]).join('');
const T = 1_735_689_600; // 2025-01-01T00:00:00Z

interface Row {
  id: string | null;
  step: number;
  validFrom: string;
  validUntil: string;
  remainingMs: number;
  code: string;
}

let home: string;
let service: string;
let env: Record<string, string>;

useCliHomes('fresh-test', (next) => ({ home, service, env } = next));

const run = (args: string[], input?: string): CliResult => tweestap(args, env, input);

function uri(period: number, secret = CANARY): string {
  return `otpauth://totp/Nse-Portal:alice%40example.com?secret=${secret}&issuer=Nse-Portal&period=${period}`;
}

function oathtool(step: number, period: number, secret = CANARY): string {
  return execFileSync('oathtool', ['--totp', `--time-step-size=${period}s`, `--now=@${step * period}`, '-b', secret], { encoding: 'utf8' }).trim();
}

/** Starts `tweestap ...args` without waiting; resolves with its result when it ends. */
function start(args: string[], input = ''): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, LANG: '', LC_ALL: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** The canary is in no file of the data folder. */
function expectNoSecretInFiles(): void {
  const files = readdirSync(home).map((name) => path.join(home, name));
  for (const file of files) expect(readFileSync(file, 'latin1'), file).not.toContain(CANARY);
}

describe('code --fresh', () => {
  it('gives six processes started at once on one account six different steps, each with the right code', async () => {
    expect(run(['add', '-'], uri(2)).status).toBe(0);
    const results = await Promise.all(Array.from({ length: 6 }, () => start(['code', 'alice', '--fresh', '--max-wait', '30', '--json'])));
    const rows = results.map((r) => {
      expect(r.status, r.stderr).toBe(0);
      return json<Row[]>(r)[0]!;
    });
    expect(new Set(rows.map((r) => r.step)).size).toBe(6);
    for (const row of rows) {
      expect(row.code).toBe(oathtool(row.step, 2));
      expect(row.remainingMs).toBeGreaterThan(0);
      expect(row.remainingMs).toBeLessThanOrEqual(2000);
    }
    expectNoSecretInFiles();
  });

  it('does the same for six `code --uri - --fresh` at once, keyed by a keyed hash, never by the secret', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => start(['code', '--uri', '-', '--fresh', '--max-wait', '30', '--json'], uri(2))));
    const rows = results.map((r) => (expect(r.status, r.stderr).toBe(0), json<Row[]>(r)[0]!));
    expect(new Set(rows.map((r) => r.step)).size).toBe(6);
    for (const row of rows) expect(row.code).toBe(oathtool(row.step, 2));
    expect(statSync(path.join(home, 'fresh-ledger.key')).mode & 0o777).toBe(0o600);
    expect(readdirSync(home).sort()).toEqual(['fresh-ledger.json', 'fresh-ledger.key']);
    expectNoSecretInFiles();
  });

  it('hands out the next free step at a given moment, and exits 1 saying how long when that is beyond --max-wait', () => {
    const steps = [1, 2, 3].map(() => json<Row[]>(run(['code', '--uri', '-', '--fresh', '--at', `@${T}`, '--json'], uri(20)))[0]!);
    expect(steps.map((r) => r.step)).toEqual([T / 20, T / 20 + 1, T / 20 + 2]);
    for (const row of steps) expect(row.code).toBe(oathtool(row.step, 20));
    const refused = run(['code', '--uri', '-', '--fresh', '--at', `@${T}`, '--max-wait', '50'], uri(20));
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('60 s');
    expect(refused.stdout).toBe('');
    // The refused call claimed nothing: with a longer wait the next step is still free.
    expect(json<Row[]>(run(['code', '--uri', '-', '--fresh', '--at', `@${T}`, '--json'], uri(20)))[0]!.step).toBe(T / 20 + 3);
  });

  it('rebuilds a corrupt or foreign ledger, says so once, and never hands out a step again', async () => {
    expect(run(['add', '-'], uri(3)).status).toBe(0);
    const first = json<Row[]>(run(['code', 'alice', '--fresh', '--json']))[0]!;
    for (const damage of ['{"format":"tweestap-fresh-ledger",', JSON.stringify({ format: 'something-else', keys: [] })]) {
      writeFileSync(path.join(home, 'fresh-ledger.json'), damage);
      const rebuilt = run(['code', 'alice', '--fresh', '--json']);
      expect(rebuilt.status).toBe(0);
      expect(rebuilt.stderr.match(/rebuilt/g)).toHaveLength(1);
      expect(json<Row[]>(rebuilt)[0]!.step).toBeGreaterThan(first.step);
      const after = run(['code', 'alice', '--fresh', '--json']);
      expect(after.stderr).toBe('');
      expect(json<Row[]>(after)[0]!.step).toBeGreaterThan(json<Row[]>(rebuilt)[0]!.step);
    }
  });
});

describe('code --min-valid', () => {
  it('waits for the next step when the current code would expire too soon', () => {
    // 5 s into a 20 s step: 15 s left.
    const enough = json<Row[]>(run(['code', '--uri', '-', '--min-valid', '15', '--at', `@${T + 5}`, '--json'], uri(20)))[0]!;
    expect(enough).toMatchObject({ step: T / 20, remainingMs: 15_000, code: oathtool(T / 20, 20) });
    const next = json<Row[]>(run(['code', '--uri', '-', '--min-valid', '16', '--at', `@${T + 5}`, '--json'], uri(20)))[0]!;
    expect(next).toMatchObject({ step: T / 20 + 1, remainingMs: 20_000, code: oathtool(T / 20 + 1, 20) });
  });

  it('refuses a --min-valid not below the period (exit 2), and --fresh without one account', () => {
    const refused = run(['code', '--uri', '-', '--min-valid', '20'], uri(20));
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('20 s');
    expect(run(['code', '--fresh']).status).toBe(2);
    expect(run(['code', '--uri', '-', '--fresh', '--window', '1'], uri(20)).status).toBe(2);
  });

  it('exits 1 for an unknown query and 2 with the candidates for an ambiguous one', () => {
    expect(run(['add', '-'], uri(20)).status).toBe(0);
    expect(run(['add', '-', '--keep-both'], uri(20)).status).toBe(0);
    expect(run(['code', 'nobody', '--fresh']).status).toBe(1);
    const ambiguous = run(['code', 'alice', '--fresh']);
    expect(ambiguous.status).toBe(2);
    for (const { id } of json<Array<{ id: string }>>(run(['list', '--json']))) expect(ambiguous.stderr).toContain(id);
  });
});

describe('only the secrets a command needs', () => {
  /** Counts keytar calls by function. */
  async function counting(): Promise<{ backend: KeytarBackend; calls: Record<string, number> }> {
    const keytar = await loadKeytar();
    const calls: Record<string, number> = { findCredentials: 0, getPassword: 0 };
    return {
      calls,
      backend: {
        findCredentials: (s) => (calls.findCredentials!++, keytar.findCredentials(s)),
        getPassword: (s, a) => (calls.getPassword!++, keytar.getPassword(s, a)),
        setPassword: (s, a, p) => keytar.setPassword(s, a, p),
        deletePassword: (s, a) => keytar.deletePassword(s, a),
      },
    };
  }

  it('reads one secret for one account and none for the labels; the app still loads all at once', async () => {
    const seed = new AccountService({ vault: new Vault(home), secrets: createKeychainStore({ service }), clock: { now: () => T * 1000 } });
    for (let i = 0; i < 20; i++) await seed.add({ type: 'totp', issuer: 'Bulk', account: `user${i}`, secret: CANARY, algorithm: 'SHA1', digits: 6, period: 30, counter: 0 }, 'keep-both');
    const { backend, calls } = await counting();
    const accounts = new AccountService({ vault: new Vault(home), secrets: createKeychainStore({ service, loadBackend: async () => backend }), clock: { now: () => T * 1000 } });
    const labels = await accounts.listLabels();
    expect(labels).toHaveLength(20);
    expect(calls).toEqual({ findCredentials: 0, getPassword: 0 });
    expect((await accounts.secretOf(labels[7]!.id)).secret).toBe(CANARY);
    expect(calls).toEqual({ findCredentials: 0, getPassword: 1 });
    expect(await accounts.listAccounts()).toHaveLength(20);
    expect(calls).toEqual({ findCredentials: 1, getPassword: 1 });
  });

  it('lists without the keychain; --check marks a missing secret', async () => {
    expect(run(['add', '-'], uri(20)).status).toBe(0);
    const [account] = json<Array<{ id: string; secretMissing: boolean | null }>>(run(['list', '--json']));
    expect(account!.secretMissing).toBeNull();
    // No keychain at all: list still answers (it reads none), list --check cannot.
    const noBus = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' };
    expect(tweestap(['list', '--json'], { ...env, ...noBus }).status).toBe(0);
    expect(tweestap(['list', '--check'], { ...env, ...noBus }).status).toBe(3);
    await createKeychainStore({ service }).delete(account!.id);
    expect(json<Array<{ secretMissing: boolean }>>(run(['list', '--check', '--json']))[0]!.secretMissing).toBe(true);
    expect(run(['list', '--check']).stdout).toContain('secret missing');
  });
});
