/**
 * `tweestap add` with the key off the command line (issue 12.3): `add -` (the link on standard
 * input), `add --uri-file F` and `add --secret-stdin`, against a real keychain. Bad input adds
 * nothing.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, tweestap, useCliHomes } from '../unit/cli/run-cli';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const SECRET = Array.from(randomBytes(20), (b) => BASE32[b % 32]).join('');
const URI = `otpauth://totp/Lab:carol?secret=${SECRET}&issuer=Lab&period=30`;
const T = 1_735_689_600;

let root: string;
let env: Record<string, string>;
let counter: number;
useCliHomes('add-input', (next) => ({ root, env, index: counter } = next));

const oathtool = (secret: string) => execFileSync('oathtool', ['--totp', `--now=@${T}`, '-b', secret], { encoding: 'utf8' }).trim();
const codeAtT = () => json<Array<{ code: string }>>(tweestap(['code', 'carol', '--at', `@${T}`, '--json'], env))[0]!.code;

describe('add without the key in argv', () => {
  it('adds the link from standard input (add -) and from a file (--uri-file)', () => {
    expect(tweestap(['add', '-'], env, `${URI}\n`).status).toBe(0);
    expect(codeAtT()).toBe(oathtool(SECRET));
    env.TWEESTAP_HOME += '-file';
    const file = path.join(root, `link-${counter}.txt`);
    writeFileSync(file, URI, { mode: 0o600 });
    expect(tweestap(['add', '--uri-file', file], env).status).toBe(0);
    expect(codeAtT()).toBe(oathtool(SECRET));
  });

  it('adds a typed key from standard input (--secret-stdin), spaces and lower case accepted', () => {
    const typed = SECRET.toLowerCase().replace(/(.{4})/g, '$1 ');
    const added = tweestap(['add', '--secret-stdin', '--issuer', 'Lab', '--account', 'carol'], env, `${typed}\n`);
    expect(added.status, added.stderr).toBe(0);
    expect(codeAtT()).toBe(oathtool(SECRET));
  });

  it('refuses empty input, two sources and a bad link with exit 2, adding nothing', () => {
    for (const [args, input] of [
      [['add', '-'], ''],
      [['add', '--secret-stdin', '--issuer', 'Lab', '--account', 'carol'], ''],
      [['add', '--secret-stdin', '--secret', SECRET, '--issuer', 'Lab', '--account', 'carol'], SECRET],
      [['add', '-', '--uri-file', '/nonexistent'], URI],
      [['add', '-'], 'otpauth://totp/Lab:carol?issuer=Lab'],
    ] as const) {
      const result = tweestap([...args], env, input);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).not.toContain(SECRET);
    }
    expect(existsSync(path.join(env.TWEESTAP_HOME!, 'vault.json'))).toBe(false);
  });
});
