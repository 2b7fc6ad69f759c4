/** What every importer returns: the accounts it could read and, per entry, why others were not. */
import { TweestapError } from '../../shared/errors';
import { escapeHidden } from '../../shared/hidden-characters';
import type { MessageKey, MessageParams } from '../../shared/i18n';
import type { OtpParams } from '../../shared/otp/types';

/** One entry of an export that was not imported, and why (a translatable message). */
export interface SkippedEntry {
  /** 1-based: the line of a URI list, or the entry's place in an Aegis or 2FAS export. */
  position: number;
  /** Issuer and account name as the file shows them (never the secret); may be empty. */
  label: string;
  key: MessageKey;
  params: MessageParams;
}

export interface ImportResult {
  accounts: OtpParams[];
  skipped: SkippedEntry[];
}

/**
 * Runs `read` for one entry and adds its accounts to `result`, or records the entry as skipped
 * with the TweestapError's message. Any other exception is a defect in a parser, but one bad
 * entry must not stop an import, so it is recorded as `import.entryInvalid`.
 */
export function collectEntry(
  result: ImportResult,
  position: number,
  label: string,
  read: () => OtpParams | OtpParams[],
): void {
  try {
    const accounts = read();
    result.accounts.push(...(Array.isArray(accounts) ? accounts : [accounts]));
  } catch (error) {
    const { key, params } =
      error instanceof TweestapError ? error : { key: 'import.entryInvalid' as const, params: {} };
    result.skipped.push({ position, label, key, params });
  }
}

/**
 * The label shown for a skipped entry: "issuer (account)", either part optional. Hidden
 * characters are shown escaped (`\u202e`): the entry was skipped for them, and the list of
 * skipped entries must not be garbled by them either.
 */
export function entryLabel(issuer: unknown, account: unknown): string {
  const parts = [issuer, account].filter((part): part is string => typeof part === 'string' && part.trim() !== '');
  const [first, second] = parts.map((part) => escapeHidden(part.trim().slice(0, 200)));
  if (first === undefined) return '';
  return second === undefined ? first : `${first} (${second})`;
}
