/**
 * Usage errors quote what the user typed ("unknown command …", "no account matches …"). When
 * that is an authenticator link or a key, quoting it would put the secret in a terminal, a CI
 * log or a bug report (issue 12.3: `tweestap "$URI"`). Such a value is replaced by a placeholder.
 */
import type { TweestapError } from '../shared/errors';
import type { MessageKey, MessageParams } from '../shared/i18n';

/** A link with a scheme (otpauth://, otpauth-migration://, any URL) or anything holding `secret=`. */
const LINK = /(^|[^a-z0-9])(otpauth(-migration)?:|[a-z][a-z0-9+.-]*:\/\/)|secret=/i;
/** Base32 (RFC 4648) with the separators people type; 16 characters = an 80-bit key. */
const BASE32_RUN = /[a-z2-7][a-z2-7 =-]{14,}[a-z2-7=]/gi;
const HEX_RUN = /[0-9a-f]{32,}/gi;

/**
 * True when `text` holds something that is, or may well be, a key: a run of 16+ Base32
 * characters with a digit or all in capitals (long lower-case words without digits, such as
 * a name, pass), or 32+ hexadecimal digits.
 */
function looksLikeKey(text: string): boolean {
  const base32 = (text.match(BASE32_RUN) ?? []).some((run) => {
    const bare = run.replace(/[ =-]/g, '');
    return bare.length >= 16 && (/[2-7]/.test(bare) || bare === bare.toUpperCase());
  });
  return base32 || (text.match(HEX_RUN) ?? []).some((run) => /[0-9]/.test(run) && /[a-f]/i.test(run));
}

function looksLikeLink(text: string): boolean {
  return LINK.test(text);
}

/** The message params that quote a command-line word as typed (the rest are ours: ids, labels, reasons). */
const ECHOED_PARAMS = new Set(['command', 'argument', 'option', 'query', 'value']);
/** File names as typed: a link given as a file is hidden; a path is never taken for a key. */
const FILE_PARAMS = new Set(['file', 'name']);

/** `params` with every quoted word that looks like a link or a key replaced by `hidden(kind)`. */
export function redactParams(params: MessageParams, hidden: (kind: 'link' | 'key') => string): MessageParams {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => {
      if (typeof value !== 'string' || !(ECHOED_PARAMS.has(name) || FILE_PARAMS.has(name))) return [name, value];
      if (looksLikeLink(value)) return [name, hidden('link')];
      if (FILE_PARAMS.has(name)) return [name, value];
      return [name, looksLikeKey(value) ? hidden('key') : value];
    }),
  );
}

/** The message of `error` in the reader's language, a quoted link or key replaced by a placeholder. */
export function redactedMessage(error: TweestapError, t: (key: MessageKey, params?: MessageParams) => string): string {
  return t(error.key, redactParams(error.params, (kind) => t(kind === 'link' ? 'cli.redacted.link' : 'cli.redacted.key')));
}
