/** The one escape every line of CLI output goes through (issue 12, part 4: terminal output). */
import { describe, expect, it } from 'vitest';
import { codePointLabel, escapeHidden, firstHiddenCharacter } from '../../../shared/hidden-characters';

describe('escapeHidden', () => {
  it('writes the finding’s cursor movement (ESC [2K ESC [1A) in visible form', () => {
    expect(escapeHidden('\u001b[2K\u001b[1ANse-Portal')).toBe('\\u001b[2K\\u001b[1ANse-Portal');
  });

  it('writes OSC 52 (clipboard) and its BEL terminator visibly', () => {
    expect(escapeHidden('\u001b]52;c;aGk=\u0007')).toBe('\\u001b]52;c;aGk=\\u0007');
  });

  it('escapes bidi, zero-width, CR, LF, NUL, DEL, C1 and line separators; astral ones as surrogate pairs', () => {
    expect(escapeHidden('a\u202Eb\u200Bc\rd\ne\u0000f\u007Fg\u009Bh\u2028i\u{E0041}')).toBe(
      'a\\u202eb\\u200bc\\u000dd\\u000ae\\u0000f\\u007fg\\u009bh\\u2028i\\udb40\\udc41',
    );
  });

  it('escapes a lone surrogate', () => {
    expect(escapeHidden('a\uD800b')).toBe('a\\ud800b');
  });

  it('keeps the characters it is told to keep (our own line breaks)', () => {
    expect(escapeHidden('one\ntwo\u001b', '\n')).toBe('one\ntwo\\u001b');
  });

  it('leaves printable text alone, accents, CJK and emoji included', () => {
    const text = 'Zoë 山田 I ❤️ 2FA 👍🏽 tab-less, backslash \\ stays';
    expect(escapeHidden(text)).toBe(text);
  });

  it('is idempotent, and its output holds no hidden character', () => {
    const once = escapeHidden('\u001b[31m\u202Ered\u200D');
    expect(escapeHidden(once)).toBe(once);
    expect(firstHiddenCharacter(once)).toBeUndefined();
  });

  it('gives JSON that parses back to the original text', () => {
    const value = { issuer: 'Nse\u202E-Portal\u2028', account: '\u009B\u{E0041}' };
    const text = escapeHidden(JSON.stringify(value, null, 2), '\n');
    expect(firstHiddenCharacter(text.replace(/\n/g, ''))).toBeUndefined();
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('codePointLabel', () => {
  it('names BMP and astral characters', () => {
    expect(codePointLabel('\u001b')).toBe('U+001B');
    expect(codePointLabel('\u{E0041}')).toBe('U+E0041');
  });
});
