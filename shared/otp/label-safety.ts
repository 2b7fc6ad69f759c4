/**
 * Account names that cannot lie (issue 12, part 4): names with hidden characters are refused
 * wherever a name comes in (here), and a new name is compared with the existing ones by its
 * look-alike skeleton (./look-alike.ts).
 *
 * What a name may hold: letters of any script (accented Latin, Cyrillic, CJK, ...), digits,
 * punctuation such as `@ . - _ + :`, spaces, symbols and emoji (with their variation selector
 * U+FE0F and skin-tone modifiers). What it may not: the hidden characters of
 * shared/hidden-characters.ts. That includes U+200D ZERO WIDTH JOINER (category Cf), so emoji
 * joined into one picture (👩‍💻) and scripts that need ZWJ/ZWNJ in names are refused too: a
 * zero-width character is exactly what made four rows look identical, no real portal puts one in
 * its issuer or in an e-mail address, and one rule without exceptions is easier to trust than
 * an allow-list of "good" joiner sequences. The user can still type the name by hand without it.
 */
import { TweestapError } from '../errors';
import { codePointLabel, escapeHidden, firstHiddenCharacter } from '../hidden-characters';
import { quoted } from './fields';

/**
 * Returns `text` unchanged when it holds no hidden character; otherwise throws TweestapError
 * (kind input, `otp.labelHiddenCharacter`) naming the first one (`U+202E`) and showing the name
 * with it escaped. Every way a name comes in calls this on the decoded text, before trimming
 * (trim() would silently drop U+FEFF and line breaks at the ends): otpauth links, Google exports,
 * Aegis/2FAS/URI-list imports and backups (through validateOtpParams), manual entry and rename.
 */
export function checkLabelCharacters(text: string): string {
  const hidden = firstHiddenCharacter(text);
  if (hidden !== undefined) {
    throw new TweestapError('input', 'otp.labelHiddenCharacter', { name: quoted(escapeHidden(text)), character: codePointLabel(hidden) });
  }
  return text;
}
