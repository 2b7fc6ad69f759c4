/**
 * `otpauth://` key URIs (Google's Key Uri Format) with the quirks real portals and QR generators
 * produce. Written by hand rather than with otpauth's `URI.parse` because that one rejects or
 * mangles most of those quirks (see test/unit/shared/otp/uri.test.ts for the list).
 */
import { TweestapError } from '../errors';
import { parseAlgorithm, parseCounter, parseDigits, parseOtpType, parsePeriod } from './fields';
import { normalizeSecret, validateOtpParams } from './secret';
import { splitOtpauthUri } from './uri-labels';
import type { OtpParams } from './types';

const DEFAULT_PERIOD = 30;

/**
 * Parses an otpauth URI. Accepts: upper-case scheme and type, lower-case or hyphenated algorithm
 * names, secrets in lower case, with spaces or hyphens, `=` or `%3D` padding or none, the issuer
 * in the label prefix and/or the `issuer` parameter (which wins), `+` in the label as a literal
 * plus, percent-encoded UTF-8, an unencoded `#` or `?` inside the label, several colons in the
 * label. Names with hidden characters (U+202E, zero-width, ESC, ...) are refused after
 * decoding (`otp.labelHiddenCharacter`). Throws only TweestapError (kind 'input'); a text that
 * is not an otpauth URI gets the message naming what it is (a web link, a Google export, ...).
 * No message holds the secret.
 */
export function parseOtpauthUri(text: string): OtpParams {
  const { typeName, issuer, account, params } = splitOtpauthUri(text);
  const type = parseOtpType(typeName);

  const secret = normalizeSecret(params.get('secret') ?? '');
  const algorithm = parseAlgorithm(params.get('algorithm') ?? 'SHA1');
  const digits = parseDigits(params.get('digits') ?? 6);
  if (type === 'hotp') {
    const counter = params.get('counter');
    if (counter === undefined) throw new TweestapError('input', 'otp.counterMissing');
    return { type, issuer, account, secret, algorithm, digits, period: DEFAULT_PERIOD, counter: parseCounter(counter) };
  }
  const period = parsePeriod(params.get('period') ?? DEFAULT_PERIOD);
  return { type, issuer, account, secret, algorithm, digits, period, counter: 0 };
}

/**
 * The otpauth URI of an account, in the form other apps read best: `Issuer:account` label plus
 * `issuer` parameter, every parameter explicit. Parsing it gives the same account back.
 */
export function formatOtpauthUri(p: OtpParams): string {
  const v = validateOtpParams(p);
  const enc = encodeURIComponent;
  // Without an issuer, an account name holding a colon gets an empty prefix so that parsing
  // does not take its first part for the issuer.
  const label = v.issuer ? `${enc(v.issuer)}:${enc(v.account)}` : `${v.account.includes(':') ? ':' : ''}${enc(v.account)}`;
  const query = [`secret=${v.secret}`, ...(v.issuer ? [`issuer=${enc(v.issuer)}`] : []), `algorithm=${v.algorithm}`, `digits=${v.digits}`];
  query.push(v.type === 'hotp' ? `counter=${v.counter}` : `period=${v.period}`);
  return `otpauth://${v.type}/${label}?${query.join('&')}`;
}

