/**
 * Plain-text exports: one `otpauth://` link per line (what many apps, `tweestap export --uris`
 * and password managers write), blank lines and `#` comments ignored. A Google Authenticator
 * `otpauth-migration://` line adds every account of that QR code.
 */
import { TweestapError } from '../../../shared/errors';
import { decodeMigrationUri, parseOtpauthUri } from '../../../shared/otp';
import { collectEntry, type ImportResult } from './result';

const OTPAUTH_LINE = /^otpauth:\/\//i;
const MIGRATION_LINE = /^otpauth-migration:\/\//i;

/** True when `line` is a link this importer reads (used to recognise a URI list). */
export function isUriLine(line: string): boolean {
  const trimmed = line.trim();
  return OTPAUTH_LINE.test(trimmed) || MIGRATION_LINE.test(trimmed);
}

/**
 * Every account of a URI list. A line that is not a link, or a link that does not parse, is
 * skipped with its 1-based line number and the reason (never the line itself: it holds a secret).
 */
export function importUriList(text: string): ImportResult {
  const result: ImportResult = { accounts: [], skipped: [] };
  text.split(/\r\n|\r|\n/).forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) return;
    collectEntry(result, index + 1, '', () => {
      if (MIGRATION_LINE.test(line)) return decodeMigrationUri(line).accounts;
      if (OTPAUTH_LINE.test(line)) return parseOtpauthUri(line);
      throw new TweestapError('input', 'import.lineNotOtpauth');
    });
  });
  return result;
}
