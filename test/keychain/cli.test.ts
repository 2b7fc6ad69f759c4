/**
 * The `tweestap` CLI end to end against a real gnome-keyring (run through
 * test/keychain/with-keyring.sh): each test gets a fresh data folder and keychain service.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { aegisDb, aegisEncryptedVault, aegisEntry } from '../fixtures/import/generate';
import { type CliResult, json, tweestap, useCliHomes } from '../unit/cli/run-cli';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** A fresh random secret per run: if it shows up anywhere, it leaked. */
const CANARY = Array.from(randomBytes(32), (b) => BASE32[b % 32]).join('');
const NSE = `otpauth://totp/Nse-Portal:alice%40example.com?secret=${CANARY}&issuer=Nse-Portal&period=20`;
const T = 1_735_689_600; // 2025-01-01T00:00:00Z

let root: string;
let home: string;
let service: string;
let counter: number;
/** Every result of a command that must not print secrets. */
let quietResults: CliResult[] = [];

useCliHomes('cli-test', (next) => {
  ({ root, home, service, index: counter } = next);
  quietResults = [];
});

/** Runs a command that must not reveal any secret, and remembers its output for the canary check. */
function run(args: string[], env: Record<string, string | undefined> = {}): CliResult {
  const result = tweestap(args, { TWEESTAP_HOME: home, TWEESTAP_KEYCHAIN_SERVICE: service, ...env });
  quietResults.push(result);
  return result;
}

/** Runs `inspect` or `export`, which are asked to print secrets. */
function runRevealing(args: string[]): CliResult {
  return tweestap(args, { TWEESTAP_HOME: home, TWEESTAP_KEYCHAIN_SERVICE: service });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).isFile());
}

/** The canary is in no quiet output and in no file of the data folder. */
function expectNoLeak(): void {
  for (const { stdout, stderr } of quietResults) {
    expect(stdout).not.toContain(CANARY);
    expect(stderr).not.toContain(CANARY);
  }
  for (const file of filesUnder(home)) expect(readFileSync(file, 'latin1'), file).not.toContain(CANARY);
}

function oathtotp(secret: string, t: number, period = 20): string {
  return execFileSync('oathtool', ['--totp', `--time-step-size=${period}s`, `--now=@${t}`, '-b', secret], { encoding: 'utf8' }).trim();
}

interface AccountView {
  id: string;
  issuer: string;
  account: string;
  counter: number;
  secretMissing: boolean;
}

describe('tweestap CLI with the keychain', () => {
  it('adds, lists, shows codes, verifies, renames and removes an account', () => {
    const added = run(['add', NSE, '--json']);
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
    const [account] = json<{ added: AccountView[] }>(added).added;
    expect(account).toMatchObject({ issuer: 'Nse-Portal', account: 'alice@example.com', secretMissing: false });

    const list = json<AccountView[]>(run(['list', '--json']));
    expect(list.map((a) => a.id)).toEqual([account!.id]);

    const codes = json<Array<{ id: string; code: string; step: number }>>(run(['code', 'nse', '--at', `@${T}`, '--window', '1', '--json']));
    expect(codes.map((c) => c.code)).toEqual([T - 20, T, T + 20].map((t) => oathtotp(CANARY, t)));
    expect(codes.every((c) => c.id === account!.id)).toBe(true);

    expect(run(['verify', 'alice', oathtotp(CANARY, T - 20), '--at', `@${T}`]).status).toBe(0);
    expect(run(['verify', 'alice', oathtotp(CANARY, T - 60), '--at', `@${T}`]).status).toBe(1);

    expect(run(['rename', account!.id, '--issuer', 'NSE Portal']).status).toBe(0);
    expect(json<AccountView[]>(run(['list', '--json']))[0]).toMatchObject({ issuer: 'NSE Portal', account: 'alice@example.com' });

    const refused = run(['remove', 'alice']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--yes');
    expect(json<AccountView[]>(run(['list', '--json']))).toHaveLength(1);

    expect(run(['remove', 'alice', '--yes']).status).toBe(0);
    expect(json<AccountView[]>(run(['list', '--json']))).toEqual([]);
    expect(run(['code', '--json']).status).toBe(1);
    expectNoLeak();
  });

  it('never overwrites a duplicate silently: refuses, replaces or keeps both on request', () => {
    run(['add', NSE]);
    const vault = path.join(home, 'vault.json');
    const before = readFileSync(vault);
    const other = NSE.replace(CANARY, 'JBSWY3DPEHPK3PXP');

    const refused = run(['add', other]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/already exists.*--replace.*--keep-both/);
    expect(readFileSync(vault)).toEqual(before);

    const [original] = json<AccountView[]>(run(['list', '--json']));
    expect(run(['add', other, '--replace']).status).toBe(0);
    const replaced = json<AccountView[]>(run(['list', '--json']));
    expect(replaced.map((a) => a.id)).toEqual([original!.id]);
    expect(json<Array<{ code: string }>>(run(['code', 'alice', '--at', `@${T}`, '--json']))[0]!.code).toBe(oathtotp('JBSWY3DPEHPK3PXP', T));

    expect(run(['add', NSE, '--keep-both']).status).toBe(0);
    const both = json<AccountView[]>(run(['list', '--json']));
    expect(both).toHaveLength(2);

    const ambiguous = run(['code', 'nse-portal']);
    expect(ambiguous.status).toBe(2);
    for (const a of both) expect(ambiguous.stderr).toContain(a.id);
    expect(run(['add', other, '--replace', '--keep-both']).status).toBe(2);
    expectNoLeak();
  });

  it('adds a typed HOTP key and saves counter + 1 before showing each code', () => {
    const added = run(['add', '--secret', CANARY.toLowerCase().replace(/(.{4})/g, '$1 '), '--issuer', 'Lab', '--account', 'hotp', '--hotp', '--counter', '5']);
    expect(added.status).toBe(0);
    const first = json<Array<{ code: string; step: number }>>(run(['code', 'lab', '--json']));
    const second = json<Array<{ code: string; step: number }>>(run(['code', 'lab', '--json']));
    const expected = execFileSync('oathtool', ['--hotp', '-c', '5', '-w', '1', '-b', CANARY], { encoding: 'utf8' }).trim().split('\n');
    expect([first[0], second[0]]).toEqual([
      { id: expect.any(String), issuer: 'Lab', account: 'hotp', step: 5, validFrom: null, validUntil: null, remainingMs: null, code: expected[0] },
      { id: expect.any(String), issuer: 'Lab', account: 'hotp', step: 6, validFrom: null, validUntil: null, remainingMs: null, code: expected[1] },
    ]);
    expect(json<AccountView[]>(run(['list', '--json']))[0]!.counter).toBe(7);
    expect(run(['add', '--secret', CANARY, '--issuer', 'Lab', '--account', 'x', '--hotp']).status).toBe(2);
    expectNoLeak();
  });

  it('exports as links and migration QR images, and imports them again all at once with warnings', () => {
    run(['add', NSE]);
    run(['add', `otpauth://totp/GitHub:bob?secret=JBSWY3DPEHPK3PXP&issuer=GitHub`]);
    const uris = runRevealing(['export', '--uris']);
    expect(uris.status).toBe(0);
    expect(uris.stdout.trim().split('\n')).toHaveLength(2);
    expect(uris.stdout).toContain(CANARY);

    const qrDir = path.join(root, `qr-${counter}`);
    const exported = runRevealing(['export', '--migration-qr', qrDir]);
    expect(exported.status).toBe(0);
    expect(exported.stderr).toMatch(/Nse-Portal/); // the 20-second period cannot travel in the export
    const [png] = exported.stdout.trim().split('\n');
    expect(statSync(png!).mode & 0o077).toBe(0);

    const scanned = json<Array<{ texts: string[] }>>(tweestap(['scan', png!, '--json']));
    expect(scanned[0]!.texts[0]).toMatch(/^otpauth-migration:\/\/offline\?data=/);

    // Into a second vault that knows the NSE account with its real period of 20 s.
    home = path.join(root, `home-${counter}-import`);
    run(['add', NSE]);
    const dry = run(['import', png!, '--dry-run', '--json']);
    expect(dry.status).toBe(0);
    expect(json<{ dryRun: boolean; accounts: unknown[]; warnings: string[] }>(dry)).toMatchObject({ dryRun: true, accounts: [{ issuer: 'Nse-Portal' }, { issuer: 'GitHub' }] });
    expect(json<{ warnings: string[] }>(dry).warnings.join()).toMatch(/Nse-Portal/);
    expect(json<AccountView[]>(run(['list', '--json']))).toHaveLength(1);

    const refused = run(['import', png!]);
    expect(refused.status).toBe(2);
    expect(json<AccountView[]>(run(['list', '--json']))).toHaveLength(1);

    const imported = run(['import', png!, '--keep-both', '--json']);
    expect(imported.status).toBe(0);
    expect(json<{ added: AccountView[] }>(imported).added.map((a) => a.issuer)).toEqual(['Nse-Portal', 'GitHub']);
    expect(json<AccountView[]>(run(['list', '--json']))).toHaveLength(3);

    const links = path.join(root, `links-${counter}.txt`);
    writeFileSync(links, `# two links\n${NSE.replace('alice', 'carol')}\n\notpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP\n`);
    expect(run(['import', links]).status).toBe(0);
    expect(json<AccountView[]>(run(['list', '--json']))).toHaveLength(5);
    writeFileSync(links, `otpauth://totp/Z:z?secret=JBSWY3DPEHPK3PXP\nhttps://example.com/\n`);
    expect(run(['import', links]).status).toBe(2);
    expect(json<AccountView[]>(run(['list', '--json']))).toHaveLength(5);
    expectNoLeak();
  });

  it('writes an encrypted backup and restores it all at once; a wrong password changes nothing', () => {
    run(['add', NSE]);
    run(['add', `otpauth://totp/GitHub:bob?secret=JBSWY3DPEHPK3PXP&issuer=GitHub`]);
    const file = path.join(root, `backup-${counter}.tweestap`);
    const needsPassword = run(['export', '--backup', file]);
    expect(needsPassword.status).toBe(2);
    const written = tweestap(['export', '--backup', file, '--password-stdin'], { TWEESTAP_HOME: home, TWEESTAP_KEYCHAIN_SERVICE: service }, 'correct horse\n');
    expect(written.status).toBe(0);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(readFileSync(file, 'latin1')).not.toContain(CANARY);

    home = path.join(root, `home-${counter}-restore`);
    const importWith = (password: string) =>
      tweestap(['import', file, '--password-stdin', '--json'], { TWEESTAP_HOME: home, TWEESTAP_KEYCHAIN_SERVICE: `${service}-restore` }, password);
    expect(tweestap(['import', file], { TWEESTAP_HOME: home, TWEESTAP_KEYCHAIN_SERVICE: `${service}-restore` }).stderr).toMatch(/--password-stdin/);
    const wrong = importWith('wrong horse\n');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/password/i);
    expect(readdirSync(root)).not.toContain(`home-${counter}-restore`);
    const restored = importWith('correct horse\n');
    expect(restored.status).toBe(0);
    expect(json<{ added: AccountView[] }>(restored).added.map((a) => a.issuer)).toEqual(['Nse-Portal', 'GitHub']);
    const code = tweestap(['code', 'nse', '--at', `@${T}`, '--json'], { TWEESTAP_HOME: home, TWEESTAP_KEYCHAIN_SERVICE: `${service}-restore` });
    expect(json<Array<{ code: string }>>(code)[0]!.code).toBe(oathtotp(CANARY, T));
    expectNoLeak();
  });

  it('imports an encrypted Aegis vault with its password', () => {
    const aegis = path.join(root, `aegis-${counter}.json`);
    const params = { type: 'totp', issuer: 'Nse-Portal', account: 'dana@example.com', secret: CANARY, algorithm: 'SHA1', digits: 6, period: 20, counter: 0 } as const;
    writeFileSync(aegis, aegisEncryptedVault(aegisDb([aegisEntry(params)]), 'aegis-pw'));
    expect(tweestap(['import', aegis], { TWEESTAP_HOME: home, TWEESTAP_KEYCHAIN_SERVICE: service }).status).toBe(2);
    const imported = tweestap(['import', aegis, '--password-stdin', '--json'], { TWEESTAP_HOME: home, TWEESTAP_KEYCHAIN_SERVICE: service }, 'aegis-pw');
    expect(imported.status).toBe(0);
    expect(json<{ added: AccountView[] }>(imported).added).toMatchObject([{ issuer: 'Nse-Portal', account: 'dana@example.com' }]);
    expect(imported.stdout).not.toContain(CANARY);
    expectNoLeak();
  });

  it('adds from a QR image, and names what a QR holds when it is not an authenticator code', async () => {
    const image = path.join(root, `nse-${counter}.png`);
    await QRCode.toFile(image, NSE, { scale: 6 });
    const added = run(['add', '--image', image, '--json']);
    expect(added.status).toBe(0);
    expect(json<{ added: AccountView[] }>(added).added).toMatchObject([{ issuer: 'Nse-Portal', account: 'alice@example.com' }]);

    const link = path.join(root, `link-${counter}.png`);
    await QRCode.toFile(link, 'https://example.com/app', { scale: 6 });
    const refused = run(['add', '--image', link]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^tweestap: .*web/i);
    expect(json<AccountView[]>(run(['list', '--json']))).toHaveLength(1);
    expectNoLeak();
  });

  it('exits 3 with a clear message, quickly, when there is no Secret Service (list --check: plain list reads no secret)', () => {
    const started = Date.now();
    const result = run(['list', '--check'], { DBUS_SESSION_BUS_ADDRESS: undefined, DISPLAY: undefined });
    expect(result.status).toBe(3);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^tweestap: .*(Secret Service|keyring|keychain)/i);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('exits 4 on a corrupt vault.json and leaves the file as it was', () => {
    run(['add', NSE]);
    const vault = path.join(home, 'vault.json');
    writeFileSync(vault, '{"format": "tweestap-vault", "version": 1, "accounts": [ {');
    const before = readFileSync(vault);
    for (const args of [['list'], ['code'], ['add', NSE.replace('alice', 'dave')], ['remove', 'alice', '--yes']]) {
      const result = run(args);
      expect(result.status, args.join(' ')).toBe(4);
      expect(result.stderr).toMatch(/^tweestap: /);
      expect(result.stderr).toContain(vault);
    }
    expect(readFileSync(vault)).toEqual(before);
    expectNoLeak();
  });
  describe('labels that cannot lie (issue 12, part 4)', () => {
    /** The finding: erase the line, cursor up, a fake row; then OSC 52 (set the clipboard) ended by BEL. */
    const HOSTILE = '\u001b[2K\u001b[1AGitHub (bob)\u001b]52;c;aGk=\u0007\r\u202E';
    /** Any control or format character a terminal would act on. */
    const RAW = /[\p{Cc}\p{Cf}]/u;
    /** The same, but the line breaks of our own output. */
    const rawIn = (text: string) => RAW.test(text.replace(/\n/g, ''));

    it('list, code and errors print a stored hostile name escaped; JSON still parses to the stored name', () => {
      run(['add', NSE]);
      // A vault written before names were checked (the CLI itself now refuses such names).
      const vault = path.join(home, 'vault.json');
      const data = JSON.parse(readFileSync(vault, 'utf8')) as { accounts: Array<{ issuer: string }> };
      data.accounts[0]!.issuer = HOSTILE;
      writeFileSync(vault, JSON.stringify(data));

      const list = run(['list']);
      expect(list.status).toBe(0);
      expect(rawIn(list.stdout)).toBe(false);
      expect(list.stdout).toContain('\\u001b[2K\\u001b[1AGitHub (bob)\\u001b]52;c;aGk=\\u0007\\u000d\\u202e');
      expect(list.stdout.trim().split('\n')).toHaveLength(1);

      const listJson = run(['list', '--json']);
      expect(rawIn(listJson.stdout)).toBe(false);
      expect(json<AccountView[]>(listJson)[0]!.issuer).toBe(HOSTILE);

      const code = run(['code', 'alice', '--at', `@${T}`]);
      expect(code.status, code.stderr).toBe(0);
      expect(rawIn(code.stdout)).toBe(false);

      const ambiguous = run(['add', NSE.replace(CANARY, 'JBSWY3DPEHPK3PXP').replace('Nse-Portal:', 'X:').replace('issuer=Nse-Portal', 'issuer=X'), '--keep-both']);
      expect(ambiguous.status).toBe(0);
      const error = run(['code', 'alice']); // two accounts named alice: the error lists both labels
      expect(error.status).toBe(2);
      expect(error.stderr).toContain('\\u001b[2K');
      expect(rawIn(error.stderr)).toBe(false);
      expectNoLeak();
    });

    it('refuses a link, a typed name and a rename with a hidden character, saying which (exit 2)', () => {
      const rtl = run(['add', NSE.replace('alice%40', 'alice%E2%80%AE%40')]);
      expect(rtl.status).toBe(2);
      expect(rtl.stderr).toContain('invisible or control character (U+202E)');
      expect(rawIn(rtl.stderr)).toBe(false);
      const esc = run(['add', '--secret', 'JBSWY3DPEHPK3PXP', '--issuer', 'Lab\u001b[2K', '--account', 'x']);
      expect(esc.status).toBe(2);
      expect(esc.stderr).toContain('U+001B');
      expect(rawIn(esc.stderr)).toBe(false);
      expect(run(['add', NSE]).status).toBe(0);
      const renamed = run(['rename', 'alice', '--issuer', 'Nse\u200B-Portal']);
      expect(renamed.status).toBe(2);
      expect(renamed.stderr).toContain('U+200B');
      const dutch = run(['add', NSE.replace('alice%40', 'alice%0A%40')], { LANG: 'nl_NL.UTF-8' });
      expect(dutch.stderr).toContain('onzichtbaar teken of stuurteken (U+000A)');
      expect(json<AccountView[]>(run(['list', '--json'])).map((a) => a.issuer)).toEqual(['Nse-Portal']);
      expectNoLeak();
    });

    it('a look-alike name is a duplicate: refused and named as a look-alike unless --keep-both or --replace', () => {
      run(['add', NSE]);
      const cyrillic = NSE.replace(CANARY, 'JBSWY3DPEHPK3PXP').replaceAll('Nse-Portal', 'N%D1%95%D0%B5-Portal');
      const refused = run(['add', cyrillic]);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toMatch(/only looks like the existing Nse-Portal \(alice@example\.com\).*--keep-both or --replace/);

      const links = path.join(home, 'links.txt');
      writeFileSync(links, `${cyrillic}\n`);
      const imported = run(['import', links]);
      expect(imported.status).toBe(2);
      expect(imported.stderr).toContain('Nѕе-Portal (alice@example.com) (only looks like Nse-Portal (alice@example.com))');
      expect(json<AccountView[]>(run(['list', '--json']))).toHaveLength(1);

      expect(run(['add', cyrillic, '--keep-both']).status).toBe(0);
      expect(json<AccountView[]>(run(['list', '--json'])).map((a) => a.issuer)).toEqual(['Nse-Portal', 'Nѕе-Portal']);
      expectNoLeak();
    });
  });
});
