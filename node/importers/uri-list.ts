/**
 * Plain-text exports: one `otpauth://` link per line (what many apps, `tweestap export --uris`
 * and password managers write), blank lines and `#` comments ignored. Google Authenticator
 * `otpauth-migration://` lines are gathered per export (batch id), and an export adds its
 * accounts only when all its parts are in the file.
 */
import { TweestapError } from '../../shared/errors';
import { decodeMigrationUri, MigrationBatch, parseOtpauthUri } from '../../shared/otp';
import { collectEntry, type ImportResult } from './result';

const OTPAUTH_LINE = /^otpauth:\/\//i;
const MIGRATION_LINE = /^otpauth-migration:\/\//i;

/** True when `line` is a link this importer reads (used to recognise a URI list). */
export function isUriLine(line: string): boolean {
  const trimmed = line.trim();
  return OTPAUTH_LINE.test(trimmed) || MIGRATION_LINE.test(trimmed);
}

/** The parts of one Google export found so far, and the line of its first part. */
interface PendingExport {
  firstLine: number;
  batch: MigrationBatch;
}

/**
 * Every account of a URI list: the otpauth links in file order, then the accounts of each
 * complete Google export. A line that is not a link or does not parse, and an export with parts
 * missing (at its first line: `otp.migrationIncomplete`), are skipped with the 1-based line
 * number and the reason, never the line itself (it holds a secret).
 */
export function importUriList(text: string): ImportResult {
  const result: ImportResult = { accounts: [], skipped: [] };
  const exports = new Map<number, PendingExport>();
  text.split(/\r\n|\r|\n/).forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) return;
    collectEntry(result, index + 1, '', () => {
      if (OTPAUTH_LINE.test(line)) return parseOtpauthUri(line);
      if (!MIGRATION_LINE.test(line)) throw new TweestapError('input', 'import.lineNotOtpauth');
      const part = decodeMigrationUri(line);
      const pending = exports.get(part.batchId) ?? { firstLine: index + 1, batch: new MigrationBatch() };
      pending.batch.add(part);
      exports.set(part.batchId, pending);
      return [];
    });
  });
  for (const { firstLine, batch } of exports.values()) collectEntry(result, firstLine, '', () => batch.accounts());
  result.skipped.sort((a, b) => a.position - b.position);
  return result;
}
