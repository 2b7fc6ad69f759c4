/**
 * Characters that are not seen as themselves: controls (`\p{Cc}`: NUL, ESC, CR, LF, DEL, the C1
 * range), format characters (`\p{Cf}`: bidi overrides and isolates such as U+202E, zero-width
 * space and joiners, the soft hyphen, U+FEFF, tag characters), the line and paragraph separators
 * (`\p{Zl}`, `\p{Zp}`) and lone UTF-16 surrogates (`\p{Cs}`). One definition for both uses:
 * refusing them in account names (shared/otp/label-safety.ts) and escaping them in terminal
 * output (`escapeHidden`), so the CLI prints exactly what was refused elsewhere in visible form.
 *
 * Deliberately not included: ordinary and other spaces (`\p{Zs}`, compared as one space by the
 * look-alike skeleton), combining marks and variation selectors (`\p{Mn}`: accented letters,
 * emoji presentation `U+FE0F`), unassigned and private-use code points (which differ between
 * Unicode versions of Node and Chromium, and would make the CLI and the app disagree).
 */

/** Any one hidden character (see the file comment). */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;
const HIDDEN_ALL = new RegExp(HIDDEN.source, 'gu');

/** The first hidden character of `text`, or undefined when it has none. */
export function firstHiddenCharacter(text: string): string | undefined {
  return HIDDEN.exec(text)?.[0];
}

/** `U+202E` for a character (the code point of its first code unit pair), for messages. */
export function codePointLabel(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * `text` with every hidden character written as a visible JSON/JavaScript escape (`\u001b`,
 * `\u202e`; a character beyond U+FFFF as its surrogate pair `\udb40\udc01`), except those in
 * `keep` (say `'\n'` for output whose line breaks are ours). The result holds no control or
 * format character, so a name such as `\e[2K\e[1A` or an OSC 52 sequence cannot move the cursor,
 * clear a line or reach the clipboard; applying it twice changes nothing more. Escapes are valid
 * inside JSON strings, so it may also run over JSON text (keep `'\n'`: JSON.stringify escapes
 * every line break inside strings itself).
 */
export function escapeHidden(text: string, keep = ''): string {
  return text.replace(HIDDEN_ALL, (char) => {
    if (keep.includes(char)) return char;
    let escaped = '';
    for (let i = 0; i < char.length; i += 1) escaped += `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`;
    return escaped;
  });
}
