/**
 * The vault under SIGKILL with the app and the CLI at once (run under with-keyring.sh): an app
 * process (test/fixtures/faults/app-actor.ts, AccountService with keytar in-process) and the real
 * CLI (`node dist/cli/tweestap.mjs`) change the same TWEESTAP_HOME and keychain service: add,
 * rename, remove, reorder and HOTP next code, 1,000 operations in all (TWEESTAP_FAULT_OPS for
 * more), both killed at random moments. After every kill the vault loads and holds every account
 * reported saved (with its secret); no HOTP (account, counter) is ever shown twice, every shown
 * code belongs to its counter, and counters only go up.
 *
 * Also: a vault.json that is corrupt, empty, of a newer version or unreadable is reported by the
 * CLI (exit 4) and by the API service (appInfo, listAccounts), and left byte for byte as it was.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeychainStore } from '../../node/keychain/keychain';
import { AccountService } from '../../node/accounts';
import { createApiService, type HostPort } from '../../node/api-service';
import { ClipboardGuard } from '../../node/clipboard-guard';
import { SettingsService } from '../../node/settings';
import { Vault } from '../../node/vault';
import { memoryClipboard } from '../../preview/system-clipboard';
import { hotpCode } from '../../shared/otp';
import { systemClock } from '../../shared/ports';
import { seededRandom } from '../fixtures/otp/prng';
import { buildCli, CLI, ROOT, tweestap } from '../unit/cli/run-cli';

const TOTAL_OPS = Number(process.env.TWEESTAP_FAULT_OPS ?? 1000);
const HOTP_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const ACTOR_BUNDLE = path.join(ROOT, 'dist/test-fixtures/app-actor.mjs');

let home: string;
let service: string;
const env = () => ({ ...process.env, TWEESTAP_HOME: home, TWEESTAP_KEYCHAIN_SERVICE: service, LANG: 'C' });

beforeAll(async () => {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) throw new Error('run the security tests through test/keychain/with-keyring.sh');
  buildCli();
  // Bundled next to node_modules (keytar stays external), so each restart costs one node start.
  mkdirSync(path.dirname(ACTOR_BUNDLE), { recursive: true });
  await build({ entryPoints: [path.join(ROOT, 'test/fixtures/faults/app-actor.ts')], outfile: ACTOR_BUNDLE, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'error' });
  home = mkdtempSync(path.join(tmpdir(), 'tweestap-vault-faults-'));
  service = `${process.env.TWEESTAP_KEYCHAIN_SERVICE ?? 'tweestap-test'}-faults`;
}, 60_000);
afterAll(async () => {
  for (const { account } of await keytar.findCredentials(service)) await keytar.deletePassword(service, account);
  rmSync(home, { recursive: true, force: true });
});

/** An HOTP code that was shown, and by whom. */
interface Shown {
  source: string;
  id: string;
  counter: number | null;
  code: string;
}

/** What both actors reported; only reported facts are held against the vault. */
class Ledger {
  readonly saved = new Set<string>();
  /** Removed, or a removal that may have happened (killed before it reported). */
  readonly maybeRemoved = new Set<string>();
  readonly shown: Shown[] = [];
  ops = 0;
  kills = 0;
  /**
   * keytar 7.9 crashing in native code (SIGSEGV) while another process deletes an entry it lists:
   * the app actor dies with it (keytar runs in-process there), the CLI's worker is retried once
   * and otherwise reported as a keychain error (exit 3). Counted and printed, and like a kill the
   * vault must survive it.
   */
  keytarCrashes = 0;
  /**
   * `tweestap code <hotp> --json` prints as `step` the counter it read before advancing; when the
   * app advanced it in between, that is not the counter of the code it shows (the code itself is
   * right and fresh). The test works out the real counter from the code, and counts these.
   */
  cliCounterMisreported = 0;

  /** Every account reported saved and not (maybe) removed is in the vault, with its secret. */
  async check(): Promise<void> {
    const ids = new Set((await new Vault(home).read()).map((a) => a.id));
    const lost = [...this.saved].filter((id) => !this.maybeRemoved.has(id) && !ids.has(id));
    expect(lost).toEqual([]);
  }
}

/** Runs the app actor for one life: started, killed at a random moment (or done), events recorded. */
async function appLife(ledger: Ledger, hotpIds: string[], life: number, killAfterMs: number, budget: number): Promise<void> {
  const child = spawn(process.execPath, [ACTOR_BUNDLE, String(life + 1), `app${life}-`, hotpIds.join(','), HOTP_SECRET, String(budget)], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
  let buffer = '';
  let stderr = '';
  // The random moment counts from the first operation, so a slow start does not eat the life.
  let timer: NodeJS.Timeout | undefined;
  const handle = (line: string) => {
    timer ??= setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    const event = JSON.parse(line) as { ev: string; op?: string; id?: string; counter?: number | null; code?: string };
    if (event.ev === 'start') ledger.ops += 1;
    else if (event.ev === 'added') ledger.saved.add(event.id!);
    else if (event.ev === 'removing' || event.ev === 'removed') ledger.maybeRemoved.add(event.id!);
    else if (event.ev === 'hotp') ledger.shown.push({ source: `app${life}`, id: event.id!, counter: event.counter ?? null, code: event.code! });
  };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    lines.forEach(handle);
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | string>((resolve) => child.on('close', (code, signal) => resolve(signal ?? code ?? -1)));
  const outcome = await exited;
  clearTimeout(timer);
  if (outcome === 'SIGKILL') ledger.kills += 1;
  else if (outcome === 'SIGSEGV') ledger.keytarCrashes += 1;
  else expect(outcome, stderr).toBe(0);
  await ledger.check();
}

/** One random CLI command, killed at a random moment one time in three. */
async function cliCommand(ledger: Ledger, hotpIds: string[], random: ReturnType<typeof seededRandom>, own: string[], n: number): Promise<void> {
  const op = random.pick(['add', 'add', 'rename', 'remove', 'code', 'code', 'code', 'list'] as const);
  const target = own.length ? random.pick(own) : null;
  const args =
    op === 'add'
      ? ['add', `otpauth://totp/Cli:n${n}?secret=JBSWY3DPEHPK3PXP&issuer=Cli`, '--keep-both', '--json']
      : op === 'rename' && target
        ? ['rename', target, '--issuer', `cli-renamed-${n}`]
        : op === 'remove' && target
          ? ['remove', target, '--yes']
          : op === 'code'
            ? ['code', random.pick(hotpIds), '--json']
            : ['list', '--json'];
  if (args[0] === 'remove') {
    own.splice(own.indexOf(target!), 1);
    ledger.maybeRemoved.add(target!);
  }
  ledger.ops += 1;
  const child = spawn(process.execPath, [CLI, ...args], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | string>((resolve) => child.on('close', (code, signal) => resolve(signal ?? code ?? -1)));
  const timer = random.next() < 1 / 3 ? setTimeout(() => child.kill('SIGKILL'), random.int(0, 250)) : undefined;
  const outcome = await exited;
  clearTimeout(timer);
  const keytarCrash = outcome === 3 && /SIGSEGV/.test(stderr);
  if (outcome === 'SIGKILL' || keytarCrash) {
    if (keytarCrash) ledger.keytarCrashes += 1;
    else ledger.kills += 1;
    await ledger.check();
    return;
  }
  expect(outcome, `${args.join(' ')}: ${stderr}`).toBe(0);
  if (args[0] === 'add') {
    const id = (JSON.parse(stdout) as { added: Array<{ id: string }> }).added[0]!.id;
    ledger.saved.add(id);
    own.push(id);
  } else if (args[0] === 'code') {
    const [row] = JSON.parse(stdout) as Array<{ id: string; step: number; code: string }>;
    const counter = counterOf(row!.code, row!.step, (await new Vault(home).read()).find((a) => a.id === row!.id)!.counter);
    if (counter !== row!.step) ledger.cliCounterMisreported += 1;
    ledger.shown.push({ source: 'cli', id: row!.id, counter, code: row!.code });
  }
}

const HOTP_PARAMS = { type: 'hotp' as const, issuer: '', account: '', secret: HOTP_SECRET, algorithm: 'SHA1' as const, digits: 8 as const, period: 30, counter: 0 };

/** The one counter in [from, to) whose code is `code`, or null (none, or more than one). */
function counterOf(code: string, from: number, to: number): number | null {
  const matches: number[] = [];
  for (let counter = from; counter < to; counter++) if (hotpCode(HOTP_PARAMS, counter) === code) matches.push(counter);
  return matches.length === 1 ? matches[0]! : null;
}

describe('vault under SIGKILL from the app and the CLI at once', () => {
  it(`survives ${TOTAL_OPS} mixed operations with random kills: loads, loses nothing reported, never shows an HOTP code twice`, async () => {
    // Three HOTP accounts both sides draw codes from; never removed.
    const seeder = new AccountService({ vault: new Vault(home), secrets: createKeychainStore({ service }), clock: systemClock });
    const hotpIds: string[] = [];
    for (const name of ['a', 'b', 'c']) {
      const result = await seeder.add({ type: 'hotp', issuer: 'Hotp', account: name, secret: HOTP_SECRET, algorithm: 'SHA1', digits: 8, period: 30, counter: 0 }, 'keep-both');
      if (result.status !== 'added') throw new Error(result.status);
      hotpIds.push(result.accounts[0]!.id);
    }
    const ledger = new Ledger();
    hotpIds.forEach((id) => ledger.saved.add(id));
    const random = seededRandom(20260115);
    const started = Date.now();

    const appSide = (async () => {
      for (let life = 0; ledger.ops < TOTAL_OPS; life++) await appLife(ledger, hotpIds, life, random.int(30, 400), TOTAL_OPS - ledger.ops);
    })();
    const cliSide = (async () => {
      const own: string[] = [];
      for (let n = 0; ledger.ops < TOTAL_OPS; n++) await cliCommand(ledger, hotpIds, random, own, n);
    })();
    await Promise.all([appSide, cliSide]);
    await ledger.check();

    // Every shown code is the code of its counter, and no (account, counter) was shown twice.
    for (const shown of ledger.shown) {
      const label = `${shown.source} showed ${shown.code} for ${shown.id} as counter ${shown.counter}`;
      expect(shown.counter, label).not.toBeNull();
      expect(hotpCode(HOTP_PARAMS, shown.counter!), label).toBe(shown.code);
    }
    const pairs = ledger.shown.map((s) => `${s.id}#${s.counter}`);
    expect(pairs.length - new Set(pairs).size).toBe(0);
    // Counters only go up: per source in the order shown, and the vault is past every shown one.
    for (const source of new Set(ledger.shown.map((s) => s.source))) {
      for (const id of hotpIds) {
        const counters = ledger.shown.filter((s) => s.source === source && s.id === id).map((s) => s.counter!);
        expect(counters).toEqual([...counters].sort((a, b) => a - b));
      }
    }
    const final = await seeder.listAccounts();
    for (const id of hotpIds) {
      const max = Math.max(-1, ...ledger.shown.filter((s) => s.id === id).map((s) => s.counter!));
      expect(final.find((a) => a.id === id)!.counter).toBeGreaterThan(max);
    }
    // Nothing reported saved lost its secret.
    const missing = final.filter((a) => a.secretMissing && ledger.saved.has(a.id)).map((a) => a.id);
    expect(missing).toEqual([]);
    console.log(
      `vault faults: ${ledger.ops} operations in ${((Date.now() - started) / 1000).toFixed(1)} s, ${ledger.kills} SIGKILLs, ${ledger.keytarCrashes} keytar crashes, ${ledger.saved.size} accounts reported saved, ${ledger.shown.length} HOTP codes shown (${ledger.shown.filter((s) => s.source === 'cli').length} by the CLI, ${ledger.cliCounterMisreported} with a stale counter printed), none twice`,
    );
    expect(ledger.kills).toBeGreaterThan(10);
    expect(ledger.shown.length).toBeGreaterThan(20);
  }, 240_000);
});

describe('an unloadable vault.json is reported and kept as it was', () => {
  const host: HostPort = {
    previewHost: true,
    version: '0.0.0-test',
    platform: 'linux',
    osLocale: () => 'en-GB',
    openExternal: async () => undefined,
    beginScreenCapture: async () => undefined,
    endScreenCapture: async () => undefined,
    beginCameraScan: async () => undefined,
    endCameraScan: async () => undefined,
    // A cancelled save dialog: nothing is written.
    chooseBackupPath: async () => null,
  confirmLockOn: async () => false,
    applySettings: async () => undefined,
  };

  it.each([
    ['corrupt', 'vault.corrupt', (file: string) => writeFileSync(file, '{"format": "tweestap-vault", "version": 1, "accounts": [ {')],
    ['empty', 'vault.empty', (file: string) => writeFileSync(file, '')],
    ['of a newer version', 'vault.newerVersion', (file: string) => writeFileSync(file, JSON.stringify({ format: 'tweestap-vault', version: 99, accounts: [] }))],
    // A folder where the file should be: unreadable even for root (EISDIR).
    ['unreadable', 'vault.unreadable', (file: string) => (rmSync(file), mkdirSync(file))],
  ])('%s: CLI exit 4 and the API reports %s, nothing written', async (_name, key, damage) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tweestap-bad-vault-'));
    const file = path.join(dir, 'vault.json');
    try {
      const cliEnv = { TWEESTAP_HOME: dir, TWEESTAP_KEYCHAIN_SERVICE: service };
      expect(tweestap(['add', 'otpauth://totp/Good:one?secret=JBSWY3DPEHPK3PXP&issuer=Good'], cliEnv).status).toBe(0);
      expect(tweestap(['add', 'otpauth://totp/Good:two?secret=JBSWY3DPEHPK3PXP&issuer=Good'], cliEnv).status).toBe(0);
      damage(file);
      const snapshot = () => readdirSync(dir).sort().map((name) => `${name}:${safeRead(path.join(dir, name))}`);
      const original = snapshot();
      for (const args of [['list'], ['code'], ['add', 'otpauth://totp/New:x?secret=JBSWY3DPEHPK3PXP&issuer=New'], ['remove', 'one', '--yes'], ['rename', 'one', '--issuer', 'X']]) {
        const result = tweestap(args, cliEnv);
        expect(result.status, args.join(' ')).toBe(4);
        expect(result.stderr).toContain(file);
      }
      const api = createApiService({
        openAccounts: async () => new AccountService({ vault: new Vault(dir), secrets: createKeychainStore({ service }), clock: systemClock }),
        settings: await SettingsService.open(mkdtempSync(path.join(tmpdir(), 'tweestap-bad-vault-settings-')), () => undefined),
        clipboard: new ClipboardGuard(memoryClipboard(), systemClock),
        host,
        dataDir: dir,
        clock: systemClock,
        log: () => undefined,
      });
      const info = await api.dispatch('appInfo', []);
      const list = await api.dispatch('listAccounts', []);
      const add = await api.dispatch('addFromUri', ['otpauth://totp/New:y?secret=JBSWY3DPEHPK3PXP&issuer=New', 'keep-both']);
      api.close();
      // appInfo names the problem (its field is called keychainProblem, but carries any start-up error).
      expect(info).toMatchObject({ ok: true, value: { keychainProblem: { key } } });
      expect(list).toMatchObject({ ok: false, error: { kind: 'vault', key } });
      expect(add).toMatchObject({ ok: false, error: { kind: 'vault', key } });
      // Never overwritten, never replaced by an empty vault; the previous good copy is still there.
      expect(snapshot()).toEqual(original);
      expect(readdirSync(dir)).toContain('vault.json.bak');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    return `<${(error as NodeJS.ErrnoException).code}>`;
  }
}
