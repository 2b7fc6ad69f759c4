/** The moment a command works on: `--at` (ISO-8601 or `@<unix seconds>`) plus `--offset ±S`. */
import { TweestapError } from '../shared/errors';
import { integerOption } from './args';

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const UNIX_SECONDS = /^@(\d+(?:\.\d+)?)$/;
/** Ten thousand years of seconds is more than any step needs; it also keeps Date valid. */
const MAX_OFFSET_SECONDS = 315_569_520_000;

/**
 * Parses `--at`: `@1700000000` (Unix seconds, fractions allowed) or an ISO-8601 date or date-time
 * (`2025-01-31T12:00:00Z`; without a zone it is local time, a bare date is UTC midnight).
 * Returns Unix milliseconds.
 */
export function parseAt(text: string): number {
  const seconds = UNIX_SECONDS.exec(text.trim());
  const ms = seconds ? Math.round(Number(seconds[1]) * 1000) : ISO_8601.test(text.trim()) ? Date.parse(text.trim()) : NaN;
  if (!Number.isFinite(ms) || ms < 0 || Number.isNaN(new Date(ms).getTime())) {
    throw new TweestapError('input', 'cli.time.badAt', { value: text });
  }
  return ms;
}

/** The moment for a command: `--at` or now, shifted by `--offset` seconds. */
export function resolveMoment(at: string | undefined, offset: string | undefined, now: number): number {
  const base = at === undefined ? now : parseAt(at);
  const moment = base + integerOption('offset', offset, 0, -MAX_OFFSET_SECONDS, MAX_OFFSET_SECONDS) * 1000;
  if (moment < 0 || Number.isNaN(new Date(moment).getTime())) throw new TweestapError('input', 'cli.time.beforeEpoch');
  return moment;
}
