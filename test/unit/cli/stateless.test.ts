/**
 * The stateless commands (`code --uri`, `verify --uri`, `inspect`), usage errors, help and
 * language, run as a child process the way testers' scripts run them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildCli, json, tweestap } from './run-cli';

// Each case starts Node processes; a busy 2-core machine needs more than the default 5 s.
vi.setConfig({ testTimeout: 30_000 });

const SECRET = 'JBSWY3DPEHPK3PXP';
const NSE = `otpauth://totp/Nse-Portal:alice%40example.com?secret=${SECRET}&issuer=Nse-Portal&period=20`;
const at2025 = Date.UTC(2025, 0, 1) / 1000;

let home: string;
beforeAll(() => {
  buildCli();
  home = mkdtempSync(path.join(os.tmpdir(), 'tweestap-cli-'));
}, 60_000);
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** Runs with TWEESTAP_HOME pointing at an empty folder that must stay empty. */
const run = (args: string[], env: Record<string, string | undefined> = {}) => tweestap(args, { TWEESTAP_HOME: home, ...env });

/** oathtool's code, with its own parsing of the same parameters. */
function oathtool(args: string[]): string[] {
  return execFileSync('oathtool', args, { encoding: 'utf8' }).trim().split('\n');
}

interface CodeRow {
  id: string | null;
  issuer: string;
  account: string;
  step: number;
  validFrom: string | null;
  validUntil: string | null;
  code: string;
}

describe('code --uri', () => {
  it.each([
    { algorithm: 'SHA1', digits: 6, period: 30, t: 59 },
    { algorithm: 'SHA256', digits: 8, period: 20, t: at2025 },
    { algorithm: 'SHA512', digits: 7, period: 60, t: 4_102_444_800 + 17 },
    { algorithm: 'SHA1', digits: 6, period: 20, t: 2_000_000_000 },
  ])('agrees with oathtool for $algorithm, $digits digits, period $period at @$t', ({ algorithm, digits, period, t }) => {
    const uri = `otpauth://totp/X:y?secret=${SECRET}&algorithm=${algorithm}&digits=${digits}&period=${period}`;
    const result = run(['code', '--uri', uri, '--at', `@${t}`, '--window', '1', '--json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const expected = oathtool([`--totp=${algorithm.toLowerCase()}`, `--digits=${digits}`, `--time-step-size=${period}s`, `--now=@${t}`, '--window=1', '-b', SECRET]);
    // oathtool's window runs forward from the step before; ours is centred on the moment.
    const ours = json<CodeRow[]>(result).map((r) => r.code);
    const oathStart = oathtool([`--totp=${algorithm.toLowerCase()}`, `--digits=${digits}`, `--time-step-size=${period}s`, `--now=@${t - period}`, '--window=2', '-b', SECRET]);
    expect(ours).toEqual(oathStart.slice(0, 3));
    expect(ours[1]).toBe(expected[0]);
  });

  it('prints the JSON shape of the issue, with ISO-8601 UTC validity, the step and the time left', () => {
    const rows = json<CodeRow[]>(run(['code', '--uri', NSE, '--at', '2025-01-01T00:00:05Z', '--json']));
    expect(rows).toEqual([
      {
        id: null,
        issuer: 'Nse-Portal',
        account: 'alice@example.com',
        step: at2025 / 20,
        validFrom: '2025-01-01T00:00:00.000Z',
        validUntil: '2025-01-01T00:00:20.000Z',
        remainingMs: 15_000,
        code: oathtool(['--totp', '--time-step-size=20s', `--now=@${at2025}`, '-b', SECRET])[0],
      },
    ]);
  });

  it('reads --at as @seconds and as ISO-8601 alike, and shifts by --offset', () => {
    const iso = json<CodeRow[]>(run(['code', '--uri', NSE, '--at', '2025-01-01T00:00:00Z', '--json']));
    const unix = json<CodeRow[]>(run(['code', '--uri', NSE, '--at', `@${at2025}`, '--json']));
    const shifted = json<CodeRow[]>(run(['code', '--uri', NSE, '--at', `@${at2025 + 20}`, '--offset', '-20', '--json']));
    expect(unix).toEqual(iso);
    expect(shifted).toEqual(iso);
  });

  it('gives 2N+1 consecutive steps for --window N', () => {
    const rows = json<CodeRow[]>(run(['code', '--uri', NSE, '--at', `@${at2025}`, '--window', '3', '--json']));
    expect(rows.map((r) => r.step)).toEqual([-3, -2, -1, 0, 1, 2, 3].map((d) => at2025 / 20 + d));
  });

  it('gives HOTP codes from the URI counter without advancing anything', () => {
    const uri = `otpauth://hotp/X:y?secret=${SECRET}&counter=5`;
    const rows = json<CodeRow[]>(run(['code', '--uri', uri, '--window', '2', '--json']));
    expect(rows.map((r) => [r.step, r.code, r.validFrom])).toEqual(
      oathtool(['--hotp', '-c', '5', '-w', '2', '-b', SECRET]).map((code, i) => [5 + i, code, null]),
    );
  });

  it('prints the code first on each human line', () => {
    const result = run(['code', '--uri', NSE, '--at', `@${at2025}`]);
    expect(result.status).toBe(0);
    expect(result.stdout.split(' ')[0]).toBe(oathtool(['--totp', '--time-step-size=20s', `--now=@${at2025}`, '-b', SECRET])[0]);
    expect(result.stdout).toContain('Nse-Portal (alice@example.com)');
  });

  it('never touches the data folder', () => {
    run(['code', '--uri', NSE]);
    run(['verify', '--uri', NSE, '000000']);
    run(['inspect', NSE]);
    expect(readdirSync(home)).toEqual([]);
  });
});

describe('verify --uri', () => {
  const codeAt = (t: number) => oathtool(['--totp', '--time-step-size=20s', `--now=@${t}`, '-b', SECRET])[0] as string;

  it('accepts the current code with offset 0 and exits 0', () => {
    const result = run(['verify', '--uri', NSE, codeAt(at2025), '--at', `@${at2025}`, '--json']);
    expect(result.status).toBe(0);
    expect(json(result)).toEqual({ valid: true, offset: 0 });
  });

  it('accepts the previous step within the default window of 1 and reports offset -1', () => {
    const result = run(['verify', '--uri', NSE, codeAt(at2025 - 20), '--at', `@${at2025}`, '--json']);
    expect(json(result)).toEqual({ valid: true, offset: -1 });
  });

  it('rejects a code two steps away with --window 1 and exits 1, accepts it with --window 2', () => {
    const old = codeAt(at2025 - 40);
    const rejected = run(['verify', '--uri', NSE, old, '--at', `@${at2025}`, '--json']);
    expect(rejected.status).toBe(1);
    expect(json(rejected)).toEqual({ valid: false, offset: null });
    expect(run(['verify', '--uri', NSE, old, '--at', `@${at2025}`, '--window', '2']).status).toBe(0);
    expect(run(['verify', '--uri', NSE, old, '--at', `@${at2025}`, '--window', '0']).status).toBe(1);
  });

  it('refuses a code that is not 6–8 digits with exit 2', () => {
    const result = run(['verify', '--uri', NSE, '12ab56']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^tweestap: .*\b6\b/);
  });
});

describe('inspect', () => {
  it('prints an otpauth URI as the issue’s JSON with the secret canonical', () => {
    const uri = 'otpauth://totp/ACME%20Co:john.doe%40email.com?secret=jbsw%20y3dp-ehpk3pxp%3D%3D&issuer=ACME%20Co&algorithm=sha256&digits=8&period=20';
    const result = run(['inspect', uri, '--json']);
    expect(result.status).toBe(0);
    expect(json(result)).toEqual({
      kind: 'otpauth',
      type: 'totp',
      issuer: 'ACME Co',
      account: 'john.doe@email.com',
      secret: SECRET,
      algorithm: 'SHA256',
      digits: 8,
      period: 20,
      counter: 0,
    });
  });

  it('prints a Google Authenticator export with its batch and accounts', () => {
    // One HOTP account (counter 7) "Example:alice" with secret bytes "Hello!\xde\xad\xbe\xef", batch 2 of 3, id -5.
    const payload = Buffer.from(
      '0a2c0a0a48656c6c6f21deadbeef120d4578616d706c653a616c6963651a074578616d706c6520012801300138071001180320012880' +
        'ffffffffffffffff01',
      'hex',
    ).toString('base64');
    const result = run(['inspect', `otpauth-migration://offline?data=${encodeURIComponent(payload)}`, '--json']);
    expect(result.stderr).toBe('');
    expect(json(result)).toEqual({
      kind: 'migration',
      version: 1,
      batch: { index: 1, size: 3, id: -128 },
      accounts: [
        { type: 'hotp', issuer: 'Example', account: 'alice', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6, period: 30, counter: 7 },
      ],
    });
  });

  it('says what a text that is not an otpauth URI is, and exits 2 without a stack trace', () => {
    const result = run(['inspect', 'https://example.com/login', '--json']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^tweestap: /);
    expect(result.stderr).not.toMatch(/\bat \S+:\d+/);
  });
});

describe('usage, help and language', () => {
  it('exits 2 with usage for an unknown option, an unknown command and a missing argument', () => {
    for (const args of [['code', '--uri', NSE, '--bogus'], ['frobnicate'], ['inspect'], ['code', '--uri', NSE, '--window', '-1']]) {
      const result = run(args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^tweestap: .+\n.*--help/);
    }
  });

  it('rejects a malformed --at with exit 2 naming the accepted forms', () => {
    const result = run(['code', '--uri', NSE, '--at', 'tomorrow']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('@<unix seconds>');
  });

  it('prints help for every command with exit 0, and the version', () => {
    for (const command of ['list', 'add', 'code', 'verify', 'inspect', 'scan', 'remove', 'rename', 'import', 'export']) {
      const result = run([command, '--help']);
      expect(result.status, command).toBe(0);
      expect(result.stdout, command).toContain(`tweestap ${command}`);
    }
    expect(run(['--help']).stdout).toMatch(/Commands:/);
    expect(run(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('reports errors in Dutch under a Dutch locale, LC_ALL before LANG', () => {
    const dutch = run(['code', '--uri', NSE, '--bogus'], { LANG: 'nl_NL.UTF-8' });
    expect(dutch.stderr).toContain('onbekende optie --bogus');
    const overridden = run(['code', '--uri', NSE, '--bogus'], { LANG: 'nl_NL.UTF-8', LC_ALL: 'en_US.UTF-8' });
    expect(overridden.stderr).toContain('unknown option --bogus');
    const messages = run(['verify', '--uri', NSE, 'abc'], { LC_MESSAGES: 'nl_BE.UTF-8' });
    expect(messages.stderr).toContain('cijfers');
  });
});
