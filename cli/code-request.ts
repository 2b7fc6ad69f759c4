/**
 * What `tweestap code` and `tweestap serve` (GET /v1/codes) share: one request for codes, its
 * options checked the same way, and the rows it yields. `--fresh` hands out a step no earlier
 * `--fresh` call on this machine has (node/fresh-ledger.ts); `--min-valid` waits for the next
 * step when the current code would expire too soon.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { AccountView } from '../shared/api';
import { TweestapError } from '../shared/errors';
// Not the otp index: that would load the migration format's protobuf library on every run.
import { hotpCode, MAX_WINDOW, totpAt, totpWindow } from '../shared/otp/codes';
import { parseOtpauthUri } from '../shared/otp/uri';
import type { OtpParams } from '../shared/otp/types';
import { integerOption } from './args';
import { hotpRow, totpRows, type CodeRow } from './codes';
import type { CliContext } from './context';
import { accountLabel, selectAccount } from './query';
import { resolveMoment } from './time';

/** The default bound on waiting for a fresh or long enough valid step. */
export const DEFAULT_MAX_WAIT_SECONDS = 60;
const MAX_WAIT_LIMIT_SECONDS = 3600;

/** A request for codes, as typed (argv or a query string): checked here, once for both. */
export interface CodeRequest {
  query?: string;
  /** The otpauth link itself (already read from stdin or a file where the user asked). */
  uri?: string;
  at?: string;
  offset?: string;
  window?: string;
  fresh?: boolean;
  minValid?: string;
  maxWait?: string;
}

/** What a request needs of its host. */
export type CodeHost = Pick<CliContext, 'clock' | 'accounts' | 'prepareKeychain' | 'ledger' | 't' | 'warn'> & {
  /** Progress while waiting (human mode of the CLI); absent = silent. */
  progress?: (line: string) => void;
};

interface Timing {
  /** The moment asked about; with `--at` it is virtual: waiting moves it, no time passes. */
  at: number;
  virtual: boolean;
  offsetMs: number;
  minValidMs: number;
  maxWaitMs: number;
  fresh: boolean;
}

/** The rows a request yields; throws TweestapError for bad input, no match or too long a wait. */
export async function codeRows(host: CodeHost, request: CodeRequest): Promise<CodeRow[]> {
  const at = resolveMoment(request.at, request.offset, host.clock.now());
  const window = integerOption('window', request.window, 0, 0, MAX_WINDOW);
  const single = request.fresh || request.minValid !== undefined || request.maxWait !== undefined;
  if (request.uri !== undefined && request.query !== undefined) throw new TweestapError('input', 'cli.usage.uriAndQuery');
  if (single && window > 0) throw new TweestapError('input', 'cli.usage.freshAndWindow');
  if (single && request.uri === undefined && request.query === undefined) throw new TweestapError('input', 'cli.usage.freshNeedsOne');
  const timing: Timing = {
    at,
    virtual: request.at !== undefined,
    offsetMs: at - host.clock.now(),
    minValidMs: integerOption('min-valid', request.minValid, 0, 0, MAX_WAIT_LIMIT_SECONDS) * 1000,
    maxWaitMs: integerOption('max-wait', request.maxWait, DEFAULT_MAX_WAIT_SECONDS, 0, MAX_WAIT_LIMIT_SECONDS) * 1000,
    fresh: request.fresh ?? false,
  };
  if (request.uri !== undefined) return uriRows(host, parseOtpauthUri(request.uri), window, timing, single);
  return vaultRows(host, request.query, window, timing, single);
}

/**
 * Codes of a URI without vault or keychain: TOTP steps −window…+window around `at`; HOTP the
 * URI's counter and the `window` counters after it (earlier counters are used up), nothing advanced.
 */
async function uriRows(host: CodeHost, params: OtpParams, window: number, timing: Timing, single: boolean): Promise<CodeRow[]> {
  if (params.type === 'hotp') {
    // A link's counter never advances: handing out "fresh" HOTP codes from it cannot be kept.
    if (single) throw new TweestapError('input', 'cli.code.freshHotpUri');
    return Array.from({ length: window + 1 }, (_, i) => hotpRow(null, params, params.counter + i, hotpCode(params, params.counter + i)));
  }
  if (!single) return totpRows(null, params, totpWindow(params, timing.at, window), timing.at);
  const key = timing.fresh ? await (await host.ledger()).secretKey(params.secret, params.period) : null;
  return timelyRow(host, null, params, key, timing);
}

/**
 * Codes from the vault. A named account: its TOTP window (or a fresh or long enough valid code),
 * or (HOTP) the next code after saving the counter. No query: the TOTP codes of every account
 * with a secret; HOTP accounts are left out (showing one uses it up) and accounts without a
 * secret are named on stderr.
 */
async function vaultRows(host: CodeHost, query: string | undefined, window: number, timing: Timing, single: boolean): Promise<CodeRow[]> {
  host.prepareKeychain();
  const service = await host.accounts();
  const { at } = timing;
  if (query !== undefined) {
    // Labels only: just the chosen account's secret is read from the keychain.
    const account = selectAccount(await service.listLabels(), query);
    if (account.type === 'hotp') {
      // HOTP codes are fresh by nature: the counter is saved before the code is shown.
      // The counter the service used, not the one listed: another process may have advanced it since.
      const { code, counter } = await service.nextHotpCode(account.id);
      return [hotpRow(account.id, account, counter, code)];
    }
    const params = await service.secretOf(account.id);
    if (single) return timelyRow(host, account.id, { ...params, issuer: account.issuer, account: account.account }, timing.fresh ? (await host.ledger()).accountKey(account.id) : null, timing);
    return totpRows(account.id, account, totpWindow(params, at, window), at);
  }
  const accounts = await service.listAccounts();
  for (const account of accounts) {
    if (account.secretMissing) host.warn(host.t('cli.code.secretMissing', { label: accountLabel(account) }));
  }
  const totp = accounts.filter((a) => a.type === 'totp' && !a.secretMissing);
  if (window > 0) {
    const all = await service.secretsOf(totp.map((a) => a.id));
    return all.flatMap((params, i) => totpRows(totp[i]!.id, totp[i]!, totpWindow(params, at, window), at));
  }
  const byId = new Map((await service.codes(at)).map((view) => [view.accountId, view]));
  return totp.flatMap((a: AccountView) => {
    const view = byId.get(a.id);
    return view ? totpRows(a.id, a, [view], at) : [];
  });
}

/**
 * One TOTP code that stays valid at least `minValidMs` and, with a ledger key, that no earlier
 * fresh call handed out. Waits (really, or virtually with `--at`) for its step to begin.
 */
async function timelyRow(host: CodeHost, id: string | null, params: OtpParams, key: string | null, timing: Timing): Promise<CodeRow[]> {
  const periodMs = params.period * 1000;
  if (timing.minValidMs >= periodMs) {
    throw new TweestapError('input', 'cli.code.minValidTooLong', { seconds: timing.minValidMs / 1000, period: params.period });
  }
  let at = timing.at;
  for (;;) {
    const current = Math.floor(at / periodMs);
    const fromStep = (current + 1) * periodMs - at >= timing.minValidMs ? current : current + 1;
    const lastStep = Math.max(current, Math.floor((at + timing.maxWaitMs) / periodMs));
    let step = fromStep;
    let token: string | null = null;
    if (key !== null) {
      const claim = await (await host.ledger()).claim({ key, period: params.period, fromStep, lastStep });
      step = claim.step;
      if (claim.claimed) token = claim.token;
    }
    if (step > lastStep) {
      throw new TweestapError('not-found', 'cli.code.waitTooLong', { seconds: Math.ceil((step * periodMs - at) / 1000), max: timing.maxWaitMs / 1000 });
    }
    const startsAt = step * periodMs;
    if (startsAt > at) {
      if (timing.virtual) at = startsAt;
      else {
        host.progress?.(host.t('cli.code.waiting', { seconds: Math.ceil((startsAt - at) / 1000), label: accountLabel(params) }));
        at = await waitUntil(host, startsAt, timing.offsetMs);
        // Still ours? A rebuilt ledger may have given the step to another caller meanwhile.
        if (key !== null && token !== null && !(await (await host.ledger()).confirm(key, step, token))) continue;
      }
    }
    return totpRows(id, params, [totpAt(params, at)], at);
  }
}

/** Sleeps until the (offset) clock reaches `moment`; returns the moment it woke at. */
async function waitUntil(host: CodeHost, moment: number, offsetMs: number): Promise<number> {
  for (;;) {
    const now = host.clock.now() + offsetMs;
    if (now >= moment) return now;
    await sleep(moment - now);
  }
}
