/**
 * The preview host over the real vault and a real gnome-keyring (run under with-keyring.sh):
 * an enrolment link added over HTTP gives the codes oathtool gives, the copy reaches the
 * clipboard, and the secret shows up in no response and no file of the data folder.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountView, ApiResult, CodeView } from '../../shared/api';
import { startPreviewHost, type PreviewHost } from '../../preview/server';

const SECRET = 'KRUGKIDROVUWG2ZAMJZG653OEBTG66BAJZSS2UDPOJ2GC3A'; // a canary: must not leak
const URI = `otpauth://totp/Nse-Portal:jan%40nse.nl?secret=${SECRET}&issuer=Nse-Portal&period=20`;

/** The moment the test plays at: main gives codes only near its own clock, so the host gets this one. */
const BOUNDARY = Date.UTC(2026, 10, 25, 12, 0, 0);

let home: string;
let host: PreviewHost;
const bodies: string[] = [];

async function call<T>(method: string, ...args: unknown[]): Promise<T> {
  const response = await fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ args }),
  });
  const body = await response.text();
  bodies.push(body);
  const result = JSON.parse(body) as ApiResult<T>;
  if (!result.ok) throw new Error(`${method}: ${result.error.key}`);
  return result.value;
}

function oathtool(atMs: number): string {
  const at = new Date(atMs).toISOString().replace(/\.\d+Z$/, 'Z');
  return execFileSync('oathtool', ['--totp', '-b', '-s', '20', '-N', at, SECRET], { encoding: 'utf8' }).trim();
}

beforeAll(async () => {
  home = mkdtempSync(path.join(tmpdir(), 'tweestap-preview-keychain-'));
  const env: NodeJS.ProcessEnv = { ...process.env, TWEESTAP_HOME: home };
  delete env.DISPLAY; // the in-memory clipboard: this test reads it through the service
  host = await startPreviewHost({ env, rendererRoot: home, clock: { now: () => BOUNDARY }, log: () => undefined });
});
afterAll(async () => {
  await host?.close();
  rmSync(home, { recursive: true, force: true });
});

describe('preview host with the real keychain', () => {
  it('starts without a keychain problem', async () => {
    expect(await call('appInfo')).toMatchObject({ previewHost: true, keychainProblem: null });
  });

  it('adds the portal link and gives the codes oathtool gives, at and around a step boundary', async () => {
    expect(await call('addFromUri', URI, 'ask')).toMatchObject({ status: 'added' });
    const accounts = await call<AccountView[]>('listAccounts');
    expect(accounts).toMatchObject([{ issuer: 'Nse-Portal', account: 'jan@nse.nl', period: 20, secretMissing: false }]);
    for (const at of [BOUNDARY - 1000, BOUNDARY, BOUNDARY + 19_000]) {
      const [view] = await call<CodeView[]>('codes', at);
      expect(view?.code).toBe(oathtool(at));
      expect(view?.next.code).toBe(oathtool(at + 20_000));
    }
  });

  it('copies the current code', async () => {
    const [account] = await call<AccountView[]>('listAccounts');
    const at = BOUNDARY + 5000;
    const copied = await call<{ code: string }>('copyCode', account!.id, at);
    expect(copied.code).toBe(oathtool(at));
  });

  it('never puts the secret in a response or in a file of the data folder', () => {
    expect(bodies.join('\n')).not.toContain(SECRET);
    for (const file of readdirSync(home, { recursive: true, withFileTypes: true })) {
      if (file.isFile()) expect(readFileSync(path.join(file.parentPath, file.name), 'utf8')).not.toContain(SECRET);
    }
  });

  it('removes the account, keychain entry included', async () => {
    const [account] = await call<AccountView[]>('listAccounts');
    await call('removeAccount', account!.id);
    expect(await call('listAccounts')).toEqual([]);
  });
});
