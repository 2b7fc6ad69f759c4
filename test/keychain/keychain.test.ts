/**
 * The keychain adapter and the account service against a real GNOME Keyring on a private D-Bus
 * session (run through test/keychain/with-keyring.sh). Scenarios that must not touch that
 * session (no D-Bus, a locked or frozen keyring) run in child processes, the last two inside a
 * keyring of their own.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import keytar from 'keytar';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createKeychainStore, type KeytarBackend } from '../../node/keychain/keychain';
import { AccountService } from '../../node/accounts';
import { Vault, type VaultAccount } from '../../node/vault';
import type { AddResult } from '../../shared/api';
import type { OtpParams } from '../../shared/otp';
import { totpAt } from '../../shared/otp';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = path.join(repo, 'test/fixtures/vault/keychain-child.ts');
const WITH_KEYRING = path.join(repo, 'test/keychain/with-keyring.sh');
const NO_SECRETS_BUS = path.join(repo, 'test/keychain/no-secrets-bus.conf');
const CHILD_TIMEOUT_MS = 2000;
const clock = { now: () => Date.UTC(2025, 5, 1) };

let service: string;
let dir: string;

beforeAll(() => {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS || !process.env.TWEESTAP_KEYCHAIN_SERVICE?.startsWith('tweestap-test-')) {
    throw new Error('run the keychain tests through test/keychain/with-keyring.sh');
  }
});
beforeEach(() => {
  service = `${process.env.TWEESTAP_KEYCHAIN_SERVICE}-${Math.random().toString(36).slice(2, 8)}`;
  dir = mkdtempSync(path.join(tmpdir(), 'tweestap-keychain-'));
});
afterEach(async () => {
  for (const { account } of await keytar.findCredentials(service)) await keytar.deletePassword(service, account);
  rmSync(dir, { recursive: true, force: true });
});

function openService(backend?: KeytarBackend): AccountService {
  const secrets = createKeychainStore({ service, timeoutMs: 5000, ...(backend ? { loadBackend: async () => backend } : {}) });
  return new AccountService({ vault: new Vault(dir), secrets, clock });
}

function params(extra: Partial<OtpParams> = {}): OtpParams {
  return { type: 'totp', issuer: 'Nse-Portal', account: 'jan@example.nl', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6, period: 20, counter: 0, ...extra };
}

function addedIds(result: AddResult): string[] {
  if (result.status !== 'added') throw new Error(`expected added, got ${result.status}`);
  return result.accounts.map((a) => a.id);
}

/** Counts every keytar call, per function. */
function countingKeytar(): { backend: KeytarBackend; calls: Record<string, number> } {
  const calls: Record<string, number> = { findCredentials: 0, getPassword: 0, setPassword: 0, deletePassword: 0 };
  const backend: KeytarBackend = {
    findCredentials: (s) => (calls.findCredentials!++, keytar.findCredentials(s)),
    getPassword: (s, a) => (calls.getPassword!++, keytar.getPassword(s, a)),
    setPassword: (s, a, p) => (calls.setPassword!++, keytar.setPassword(s, a, p)),
    deletePassword: (s, a) => (calls.deletePassword!++, keytar.deletePassword(s, a)),
  };
  return { backend, calls };
}

interface ChildOutcome {
  ok: boolean;
  kind?: string;
  key?: string;
  message?: string;
  value?: unknown;
  ms: number;
}

/** Runs a shell script whose `child <op> [issuer]` lines run keychain-child.ts; returns their JSON lines. */
async function childScenario(script: string, env: NodeJS.ProcessEnv, wrapper: string[] = []): Promise<ChildOutcome[]> {
  const prelude = `child() { node --import tsx "${CHILD}" "$1" "${dir}" ${CHILD_TIMEOUT_MS} "\${2:-Child}" 2>/dev/null; }\n`;
  const { stdout } = await run(wrapper[0] ?? 'bash', [...wrapper.slice(1), ...(wrapper.length ? ['bash'] : []), '-c', prelude + script], {
    cwd: repo,
    env: { ...env, TWEESTAP_KEYCHAIN_SERVICE: service },
    timeout: 50_000,
  });
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as ChildOutcome);
}

const vaultIds = () => JSON.parse(readFileSync(path.join(dir, 'vault.json'), 'utf8')).accounts.map((a: VaultAccount) => a.id);

describe('accounts over the real keychain', () => {
  it('adds, lists, shows codes, renames and removes', async () => {
    const accounts = openService();
    const [id] = addedIds(await accounts.add(params(), 'ask'));
    expect(await keytar.getPassword(service, id!)).toBe('JBSWY3DPEHPK3PXP');
    const fresh = openService();
    expect(await fresh.listAccounts()).toMatchObject([{ id, issuer: 'Nse-Portal', secretMissing: false }]);
    const [code] = await fresh.codes(clock.now());
    expect(code).toMatchObject({ accountId: id, code: totpAt(params(), clock.now()).code });
    await fresh.removeAccount(id!);
    expect(await keytar.getPassword(service, id!)).toBeNull();
    expect(await openService().listAccounts()).toEqual([]);
  });

  it('replace keeps the id with the new secret; keep-both adds a second entry', async () => {
    const accounts = openService();
    const [first] = addedIds(await accounts.add(params(), 'ask'));
    expect((await accounts.add(params({ secret: 'GEZDGNBVGY3TQOJQ' }), 'ask')).status).toBe('duplicate');
    expect(addedIds(await accounts.add(params({ secret: 'GEZDGNBVGY3TQOJQ' }), 'replace'))).toEqual([first]);
    expect(await keytar.getPassword(service, first!)).toBe('GEZDGNBVGY3TQOJQ');
    const [second] = addedIds(await accounts.add(params({ secret: 'MFRGGZDFMZTWQ2LK' }), 'keep-both'));
    expect(second).not.toBe(first);
    expect((await openService().listAccounts()).map((a) => a.id)).toEqual([first, second]);
    expect(await keytar.getPassword(service, second!)).toBe('MFRGGZDFMZTWQ2LK');
  });

  it('shows an account whose keychain entry was deleted behind its back as secretMissing', async () => {
    const [kept, lost] = [...addedIds(await openService().add(params({ issuer: 'Kept' }), 'ask')), ...addedIds(await openService().add(params({ issuer: 'Lost' }), 'ask'))];
    await keytar.deletePassword(service, lost!);
    const accounts = openService();
    expect((await accounts.listAccounts()).map((a) => [a.id, a.secretMissing])).toEqual([
      [kept, false],
      [lost, true],
    ]);
    expect((await accounts.codes(clock.now())).map((c) => c.accountId)).toEqual([kept]);
  });

  it('HOTP: the vault holds counter + 1 before the code is returned', async () => {
    const accounts = openService();
    const [id] = addedIds(await accounts.add(params({ type: 'hotp', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', counter: 3 }), 'ask'));
    // RFC 4226 test vector, counter 3.
    expect((await accounts.nextHotpCode(id!)).code).toBe('969429');
    expect(JSON.parse(readFileSync(path.join(dir, 'vault.json'), 'utf8')).accounts[0].counter).toBe(4);
  });

  it('loads 500 accounts with one findCredentials call', async () => {
    const { backend, calls } = countingKeytar();
    const stored: VaultAccount[] = [];
    for (let i = 0; i < 500; i++) {
      stored.push({ id: `bulk${i}`, type: 'totp', issuer: `Issuer ${i}`, account: 'a', algorithm: 'SHA1', digits: 6, period: 30, counter: 0, addedAt: new Date(0).toISOString() });
    }
    // Four at a time: libuv's default pool size, and about twice as fast as one by one.
    for (let i = 0; i < stored.length; i += 4) {
      await Promise.all(stored.slice(i, i + 4).map((a) => keytar.setPassword(service, a.id, 'JBSWY3DPEHPK3PXP')));
    }
    await new Vault(dir).update((accounts) => void accounts.push(...stored));
    const accounts = openService(backend);
    const started = performance.now();
    const list = await accounts.listAccounts();
    const ms = performance.now() - started;
    await accounts.codes(clock.now());
    await accounts.listAccounts();
    expect(list).toHaveLength(500);
    expect(list.every((a) => !a.secretMissing)).toBe(true);
    // One findCredentials, plus (Linux) the one unlock check that keeps keytar off locked items.
    expect(calls).toEqual({ findCredentials: 1, getPassword: 0, setPassword: 1, deletePassword: 0 });
    console.log(`vault + keychain load of 500 accounts: ${ms.toFixed(1)} ms, ${calls.findCredentials} findCredentials call`);
  });

  it('never writes a canary secret to any file in the data folder', async () => {
    const canary = 'CANARYSECRETAAAAAAAAAAAAAAAAAAAA';
    const accounts = openService();
    const [id] = addedIds(await accounts.add(params({ secret: canary }), 'ask'));
    await accounts.renameAccount(id!, { issuer: 'Renamed', account: 'x' });
    await accounts.add(params({ secret: canary }), 'keep-both');
    await accounts.codes(clock.now());
    for (const name of readdirSync(dir)) expect(readFileSync(path.join(dir, name), 'utf8')).not.toContain(canary);
    expect(await keytar.getPassword(service, id!)).toBe(canary);
  });
});

describe('keychain failures (child processes)', () => {
  const noBusEnv = () => {
    const env = { ...process.env };
    delete env.DBUS_SESSION_BUS_ADDRESS;
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    return env;
  };

  it.each([
    ['no D-Bus session at all', noBusEnv()],
    ['a D-Bus address that leads nowhere', { ...noBusEnv(), DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/tweestap-bus' }],
  ])('reports %s as an unavailable keychain, within the timeout, writing nothing', async (_name, env) => {
    const [add, list] = await childScenario('child add; child list', env);
    for (const outcome of [add!, list!]) {
      expect(outcome).toMatchObject({ ok: false, kind: 'keychain', key: 'vault.keychainUnavailable.linux' });
      expect(outcome.message).toContain('GNOME Keyring or KWallet');
      expect(outcome.ms).toBeLessThanOrEqual(CHILD_TIMEOUT_MS + 500);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reports a session bus without a Secret Service as an unavailable keychain', async () => {
    const [list] = await childScenario('child list', noBusEnv(), ['dbus-run-session', `--config-file=${NO_SECRETS_BUS}`, '--']);
    expect(list).toMatchObject({ ok: false, kind: 'keychain', key: 'vault.keychainUnavailable.linux' });
    expect(list!.message).toMatch(/org\.freedesktop\.secrets/);
  });

  it('reports a locked keyring clearly and in bounded time, losing nothing', async () => {
    const lock = 'dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null';
    const outcomes = await childScenario(`child add First; ${lock}; child list; child add Second; child list`, noBusEnv(), ['bash', WITH_KEYRING]);
    const [added, ...afterLock] = outcomes;
    expect(added).toMatchObject({ ok: true });
    expect(afterLock).toHaveLength(3);
    for (const outcome of afterLock) {
      expect(outcome).toMatchObject({ ok: false, kind: 'keychain', key: 'vault.keychainLocked.linux' });
      expect(outcome.message).toMatch(/If no window appeared .*, first unlock your keyring/);
      expect(outcome.ms).toBeLessThanOrEqual(CHILD_TIMEOUT_MS + 500);
    }
    const firstId = (added!.value as { accounts: Array<{ id: string }> }).accounts[0]!.id;
    expect(vaultIds()).toEqual([firstId]);
  });

  it('gives up on a keyring that does not answer after the timeout, with a clear error', async () => {
    const ownerPid = `dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets | awk '/uint32/ {print $2}'`;
    const script = `child add; pid=$(${ownerPid}); kill -STOP "$pid"; child list; child add Second; kill -CONT "$pid"`;
    const [added, list, second] = await childScenario(script, noBusEnv(), ['bash', WITH_KEYRING]);
    expect(added).toMatchObject({ ok: true });
    for (const outcome of [list!, second!]) {
      expect(outcome).toMatchObject({ ok: false, kind: 'keychain', key: 'vault.keychainTimeout.linux' });
      expect(outcome.ms).toBeGreaterThanOrEqual(CHILD_TIMEOUT_MS - 50);
      expect(outcome.ms).toBeLessThanOrEqual(CHILD_TIMEOUT_MS + 500);
    }
    expect(vaultIds()).toHaveLength(1);
  });
});
