/**
 * "Klok controleren" (issue 14.2): how far this computer's clock is from a web server's, for
 * people who may not change the system time. Only ever run when the user asks, against an address
 * the user confirmed; it is the one network request Tweestap makes.
 *
 * A few HEAD requests in a row; each reads the `Date` header and takes the midpoint of the round
 * trip as the moment the server stamped it. `Date` has whole seconds and is truncated, so the
 * server's real time lies in [Date, Date + 1 s): the middle of that second is used. The median of
 * the samples' offsets is the answer (one slow answer cannot move it).
 */
import { TweestapError } from '../shared/errors';

/** The part of fetch the check uses: tests give a fake, the hosts the global fetch. */
export type HeadFetch = (url: string, init: { method: 'HEAD'; redirect: 'manual'; cache: 'no-store'; signal: AbortSignal }) => Promise<{ headers: { get(name: string): string | null } }>;

export interface ClockCheckOptions {
  fetch?: HeadFetch;
  /** This computer's clock (Unix ms); injectable for tests. */
  now?: () => number;
  /** How many requests (default 4). */
  samples?: number;
  /** Per request (default 5000 ms). */
  timeoutMs?: number;
  /** The app allows https only; the CLI also http (local test servers). */
  allowHttp?: boolean;
}

export interface ClockCheckResult {
  url: string;
  /** Server clock minus ours, in ms: positive when our clock is behind. */
  offsetMs: number;
  /** How many answers had a usable Date header. */
  samples: number;
}

const DEFAULT_CLOCK_SAMPLES = 4;
const DEFAULT_TIMEOUT_MS = 5000;

/** The URL to ask, or an input error (exit 2 in the CLI): http(s) only, https only in the app. */
export function clockCheckUrl(text: string, allowHttp: boolean): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new TweestapError('input', 'clock.badUrl', { url: printableUrl(text) });
  }
  const allowed = allowHttp ? ['https:', 'http:'] : ['https:'];
  if (!allowed.includes(url.protocol) || url.username || url.password) {
    throw new TweestapError('input', allowHttp ? 'clock.badUrl' : 'clock.httpsOnly', { url: printableUrl(text) });
  }
  return url;
}

/** Measures the offset; throws `clock.offline` or `clock.noDate` (kind not-found) when it cannot. */
export async function checkClock(text: string, options: ClockCheckOptions = {}): Promise<ClockCheckResult> {
  const url = clockCheckUrl(text, options.allowHttp ?? false);
  const doFetch = options.fetch ?? (globalThis.fetch as unknown as HeadFetch);
  const now = options.now ?? Date.now;
  const samples = Math.max(1, options.samples ?? DEFAULT_CLOCK_SAMPLES);
  const offsets: number[] = [];
  let reached = false;
  for (let i = 0; i < samples; i++) {
    const sent = now();
    let date: string | null;
    try {
      const response = await doFetch(url.href, { method: 'HEAD', redirect: 'manual', cache: 'no-store', signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS) });
      date = response.headers.get('date');
    } catch {
      continue;
    }
    reached = true;
    const received = now();
    const stamped = date === null ? NaN : Date.parse(date);
    if (Number.isFinite(stamped)) offsets.push(stamped + 500 - (sent + received) / 2);
  }
  if (!reached) throw new TweestapError('not-found', 'clock.offline', { host: url.host });
  if (offsets.length === 0) throw new TweestapError('not-found', 'clock.noDate', { host: url.host });
  return { url: url.href, offsetMs: Math.round(median(offsets)), samples: offsets.length };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** An address fit to quote back: printable ASCII, at most 200 characters. */
function printableUrl(text: string): string {
  return text.replace(/[^\x21-\x7e]/g, '?').slice(0, 200);
}
