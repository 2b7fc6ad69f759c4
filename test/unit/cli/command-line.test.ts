import { describe, expect, it } from 'vitest';
import { readsKeychain, wantsHelp } from '../../../cli/command-line';

/** The two commands that read a secret, as cli/tweestap.ts declares them, beside one that does not. */
const fromVault = (argv: readonly string[]) => !argv.some((word) => /^--uri(-file)?(=|$)/.test(word));
const COMMANDS = [
  { name: 'code', needsKeychain: fromVault },
  { name: 'verify', needsKeychain: fromVault },
  { name: 'list' },
];

describe('readsKeychain: the entry point starts the keychain worker early only for these', () => {
  it.each([
    [['code'], true],
    [['code', 'Bank', '--json'], true],
    [['verify', 'Bank', '123456'], true],
    [['code', '--uri', '-'], false],
    [['code', '--uri=otpauth://totp/x'], false],
    [['code', '--uri-file', 'link.txt'], false],
    [['code', 'Bank', '--help'], false],
    [['code', '-h'], false],
    [['list'], false],
    [['nonsense', 'code'], false],
    [[], false],
  ])('%j → %s', (argv, expected) => {
    expect(readsKeychain(argv, COMMANDS)).toBe(expected);
  });
});

describe('wantsHelp', () => {
  it('sees --help and -h only before --', () => {
    expect(wantsHelp(['Bank', '--help'])).toBe(true);
    expect(wantsHelp(['-h'])).toBe(true);
    expect(wantsHelp(['--', '--help'])).toBe(false);
    expect(wantsHelp(['Bank'])).toBe(false);
  });
});
