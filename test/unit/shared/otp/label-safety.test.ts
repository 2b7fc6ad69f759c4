/**
 * Issue 12, part 4: names that cannot lie. Each hidden character the red team stored (U+202E,
 * zero-width characters, ESC/CR/LF/NUL) is refused by the one check, in every form a name
 * arrives in: an otpauth link (raw and percent-encoded), a Google export, validated parameters
 * (manual entry, importers, backups). Names people really use are still accepted.
 */
import { describe, expect, it } from 'vitest';
import { translate } from '../../../../shared/i18n';
import { decodeMigrationUri, hotpCode, parseOtpauthUri, totpAt, validateOtpParams } from '../../../../shared/otp';
import { checkLabelCharacters } from '../../../../shared/otp/label-safety';
import { migrationUri } from '../../../fixtures/otp/migration-payload';
import { inputError, totpAccount } from './helpers';

const S = 'JBSWY3DPEHPK3PXP';
const KEY = Uint8Array.from([0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x21, 0xde, 0xad, 0xbe, 0xef]);

/** The characters of the finding, with their code point as the message names it. */
const HIDDEN: Array<[string, string, string]> = [
  ['RIGHT-TO-LEFT OVERRIDE', '\u202E', 'U+202E'],
  ['LEFT-TO-RIGHT ISOLATE', '\u2066', 'U+2066'],
  ['ZERO WIDTH SPACE', '\u200B', 'U+200B'],
  ['ZERO WIDTH JOINER', '\u200D', 'U+200D'],
  ['ZERO WIDTH NO-BREAK SPACE (BOM)', '\uFEFF', 'U+FEFF'],
  ['SOFT HYPHEN', '\u00AD', 'U+00AD'],
  ['a tag character (beyond U+FFFF)', '\u{E0041}', 'U+E0041'],
  ['ESC', '\u001B', 'U+001B'],
  ['CR', '\r', 'U+000D'],
  ['LF', '\n', 'U+000A'],
  ['NUL', '\u0000', 'U+0000'],
  ['TAB', '\t', 'U+0009'],
  ['DEL', '\u007F', 'U+007F'],
  ['C1 CSI', '\u009B', 'U+009B'],
  ['LINE SEPARATOR', '\u2028', 'U+2028'],
];

/** Names as portals, people and other apps write them: all must stay accepted. */
const LEGITIMATE = [
  'Nse-Portal',
  'alice@example.com',
  'medewerker@hogeschool.nl',
  'ACME Co',
  'Zoë Ångström-Müller',
  'Ελληνικά',
  'Кириллица',
  '山田太郎',
  '홍길동',
  'עברית',
  'العربية',
  'GitHub 🐙',
  'I ❤️ 2FA', // U+FE0F variation selector is a mark, not a format character
  '👍🏽', // skin-tone modifier
  'team:alice+test@example.com',
];

describe('checkLabelCharacters', () => {
  it.each(HIDDEN)('refuses %s with a typed, translated error naming the character', (_name, char, codePoint) => {
    for (const text of [`Nse-Portal${char}`, `${char}Nse-Portal`, `Nse${char}-Portal`]) {
      const error = inputError(() => checkLabelCharacters(text));
      expect(error.key).toBe('otp.labelHiddenCharacter');
      expect(error.params.character).toBe(codePoint);
      // The name is quoted with the character escaped, so the message itself cannot lie.
      expect(String(error.params.name)).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u);
      expect(translate('nl', error.key, error.params)).toContain(codePoint);
      expect(translate('en', error.key, error.params)).toContain(codePoint);
    }
  });

  it.each(LEGITIMATE)('accepts %s unchanged', (name) => {
    expect(checkLabelCharacters(name)).toBe(name);
  });

  it('refuses the terminal escape of the finding (erase line, cursor up) and OSC 52', () => {
    expect(inputError(() => checkLabelCharacters('\u001b[2K\u001b[1ANse-Portal')).key).toBe('otp.labelHiddenCharacter');
    expect(inputError(() => checkLabelCharacters('x\u001b]52;c;aGk=\u0007')).key).toBe('otp.labelHiddenCharacter');
  });
});

describe('every way a name comes in uses the check', () => {
  it.each(HIDDEN)('an otpauth link with %s in the label, raw or percent-encoded, or in the issuer parameter', (_name, char) => {
    const enc = encodeURIComponent(char);
    const links = [
      `otpauth://totp/Nse-Portal:alice${enc}%40example.com?secret=${S}&issuer=Nse-Portal`,
      `otpauth://totp/Nse-Portal${enc}:alice%40example.com?secret=${S}`,
      `otpauth://totp/Nse-Portal:alice%40example.com?secret=${S}&issuer=Nse-Portal${enc}`,
      // At the end, where trimming would otherwise drop it silently.
      `otpauth://totp/Nse-Portal:alice%40example.com${enc}?secret=${S}&issuer=Nse-Portal`,
    ];
    if (!/\s/u.test(char)) links.push(`otpauth://totp/Nse-Portal:ali${char}ce%40example.com?secret=${S}&issuer=Nse-Portal`);
    for (const link of links) expect(inputError(() => parseOtpauthUri(link)).key, link).toBe('otp.labelHiddenCharacter');
  });

  it('decodes %0A%E2%80%AE before checking (the deep-link finding)', () => {
    expect(inputError(() => parseOtpauthUri(`otpauth://totp/Nse-Portal:alice%0A%E2%80%AE?secret=${S}`)).key).toBe('otp.labelHiddenCharacter');
  });

  it.each(HIDDEN)('a Google export whose name or issuer holds %s', (_name, char) => {
    for (const account of [
      { secret: KEY, name: `Nse-Portal:alice${char}`, issuer: 'Nse-Portal', type: 2 },
      { secret: KEY, name: 'alice', issuer: `${char}Nse-Portal`, type: 2 },
      { secret: KEY, name: `alice${char}`, type: 2 },
    ]) {
      const uri = migrationUri({ accounts: [account], version: 1, batchSize: 1, batchIndex: 0, batchId: 1 });
      expect(inputError(() => decodeMigrationUri(uri)).key).toBe('otp.labelHiddenCharacter');
    }
  });

  it.each(HIDDEN)('validated parameters (manual entry, Aegis, 2FAS, URI lists, backups) with %s', (_name, char) => {
    expect(inputError(() => validateOtpParams(totpAccount({ issuer: `Nse-Portal${char}` }))).key).toBe('otp.labelHiddenCharacter');
    expect(inputError(() => validateOtpParams(totpAccount({ account: `${char}alice` }))).key).toBe('otp.labelHiddenCharacter');
  });

  it('still accepts real names through the parsers', () => {
    for (const name of LEGITIMATE) {
      const parsed = parseOtpauthUri(`otpauth://totp/${encodeURIComponent(name)}?secret=${S}&issuer=${encodeURIComponent(name)}`);
      expect(parsed.issuer).toBe(name);
      expect(validateOtpParams(totpAccount({ issuer: name, account: name })).account).toBe(name);
    }
  });
});

describe('an account stored before names were checked', () => {
  it('still gets its codes: names play no part in them', () => {
    const stored = totpAccount({ issuer: '\u001b[2KNse\u202E-Portal', account: 'alice\n' });
    expect(totpAt(stored, 59_000)).toEqual(totpAt(totpAccount(), 59_000));
    expect(hotpCode({ ...stored, type: 'hotp' }, 1)).toBe(hotpCode({ ...totpAccount(), type: 'hotp' }, 1));
  });
});
