/**
 * The names an otpauth:// link gives, read without touching its secret: what the renderer needs to
 * show a link (the window never parses keys or computes codes; main does), and the first half of
 * parseOtpauthUri (uri.ts). Imports nothing heavy, so the renderer's bundle stays small.
 */
import { TweestapError } from '../errors';
import { splitLabel, type AccountLabel } from './label';
import { checkLabelCharacters } from './label-safety';
import { decodeComponent } from './percent';
import { describeQrText, notOtpauthError } from './qr-text';

/** An otpauth:// link split into its type name, checked names and query parameters. */
export interface OtpauthParts extends AccountLabel {
  /** `totp` or `hotp` as written (checked by the caller). */
  typeName: string;
  /** Query parameters, names lower-cased, first one wins. */
  params: Map<string, string>;
}

/** Splits an otpauth:// link; throws the typed errors of parseOtpauthUri for a malformed one. */
export function splitOtpauthUri(text: string): OtpauthParts {
  const uri = String(text).trim();
  const kind = describeQrText(uri);
  if (kind !== 'otpauth') throw notOtpauthError(kind);

  const parts = /^otpauth:\/\/([^/?]*)\/?(.*)$/is.exec(uri);
  if (!parts) throw new TweestapError('input', 'otp.uriMalformed');
  const { rawLabel, params } = splitLabelAndQuery(parts[2] ?? '');
  // Checked after percent-decoding: `%E2%80%AE` is U+202E as much as the raw character is.
  const label = checkLabelCharacters(decodeComponent(rawLabel));
  const { issuer, account } = splitLabel(label, checkLabelCharacters(params.get('issuer') ?? ''));
  return { typeName: parts[1] ?? '', issuer, account, params };
}

/** The issuer and account of an otpauth:// link (its secret is not read). */
export function otpauthLabels(text: string): AccountLabel {
  const { issuer, account } = splitOtpauthUri(text);
  return { issuer, account };
}

/**
 * Separates label and query where the label may hold unencoded `?` (and `#`, which otpauth URIs
 * never use as a fragment): the query starts at the first `?` whose remainder has a `secret`
 * parameter, else at the first `?`.
 */
function splitLabelAndQuery(rest: string): { rawLabel: string; params: Map<string, string> } {
  const marks = [...rest.matchAll(/\?/g)].map((m) => m.index);
  const start = marks.find((i) => /(^|&)secret=/i.test(rest.slice(i + 1))) ?? marks[0];
  if (start === undefined) return { rawLabel: rest, params: new Map() };
  return { rawLabel: rest.slice(0, start), params: parseQuery(rest.slice(start + 1)) };
}

/** Query parameters, names lower-cased, `+` read as a space (form encoding), first one wins. */
function parseQuery(query: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decodeComponent(eq < 0 ? pair : pair.slice(0, eq)).toLowerCase();
    const value = eq < 0 ? '' : decodeComponent(pair.slice(eq + 1).replace(/\+/g, ' '));
    if (!params.has(name)) params.set(name, value);
  }
  return params;
}
