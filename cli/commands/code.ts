/** `tweestap code`: codes of one account, every account, or a URI given on the command line. */
import { TweestapError } from '../../shared/errors';
import type { AccountView } from '../../shared/api';
// Not the otp index: that would load the migration format's protobuf library on every run.
import { hotpCode, MAX_WINDOW, totpWindow } from '../../shared/otp/codes';
import { parseOtpauthUri } from '../../shared/otp/uri';
import type { OtpParams } from '../../shared/otp/types';
import { expectPositionals, integerOption, MOMENT_OPTIONS, parseCommandArgs } from '../args';
import { hotpRow, printCodeRows, totpRows, type CodeRow } from '../codes';
import type { CliContext, Command } from '../context';
import { EXIT } from '../exit-codes';
import { accountLabel, selectAccount } from '../query';
import { resolveMoment } from '../time';


/**
 * Codes of a URI without any state: TOTP steps −window…+window around `at`; HOTP the URI's
 * counter and the `window` counters after it (earlier counters are used up), nothing advanced.
 */
export function uriCodeRows(params: OtpParams, at: number, window: number): CodeRow[] {
  if (params.type === 'totp') return totpRows(null, params, totpWindow(params, at, window));
  return Array.from({ length: window + 1 }, (_, i) => hotpRow(null, params, params.counter + i, hotpCode(params, params.counter + i)));
}

/**
 * Codes from the vault. A named account: its TOTP window, or (HOTP) the next code after saving
 * the counter. No query: the TOTP codes of every account with a secret; HOTP accounts are left
 * out (showing one uses it up) and accounts without a secret are named on stderr.
 */
async function vaultCodeRows(ctx: CliContext, query: string | undefined, at: number, window: number): Promise<CodeRow[]> {
  const service = await ctx.accounts();
  const accounts = await service.listAccounts();
  // One vault read for all the accounts asked for.
  const totpRowsOf = async (chosen: readonly AccountView[]) =>
    (await service.secretsOf(chosen.map((a) => a.id))).flatMap((params, i) => totpRows(chosen[i]!.id, chosen[i]!, totpWindow(params, at, window)));
  if (query !== undefined) {
    const account = selectAccount(accounts, query);
    if (account.type === 'totp') return totpRowsOf([account]);
    // The counter the service used, not the one listed: another process may have advanced it since.
    const { code, counter } = await service.nextHotpCode(account.id);
    return [hotpRow(account.id, account, counter, code)];
  }
  for (const account of accounts) {
    if (account.secretMissing) ctx.warn(ctx.t('cli.code.secretMissing', { label: accountLabel(account) }));
  }
  const totp = accounts.filter((a) => a.type === 'totp' && !a.secretMissing);
  if (window > 0) return totpRowsOf(totp);
  const byId = new Map((await service.codes(at)).map((view) => [view.accountId, view]));
  return totp.flatMap((a) => {
    const view = byId.get(a.id);
    return view ? totpRows(a.id, a, [view]) : [];
  });
}

export const codeCommand: Command = {
  help: `Usage:
  tweestap code [<query>] [--at T] [--offset ±S] [--window N] [--json]
  tweestap code --uri <otpauth-uri> [--at T] [--offset ±S] [--window N] [--json]

Shows the code of every account, or of the one account <query> names (issuer, account or id,
case-insensitive; an ambiguous query exits 2 and lists the candidates). An HOTP account shows
its next code only when named: the counter is advanced and saved before the code is shown.
Exits 1 when there is no code to show.

  --uri <uri>    Compute from this otpauth:// URI only; no vault, no keychain.
                 HOTP: the URI's counter, nothing advanced.
  --at T         The moment: ISO-8601 (2025-01-31T12:00:00Z) or @<unix seconds>. Default: now.
  --offset ±S    Shift the moment by S seconds (e.g. --offset -30).
  --window N     Also the N steps before and after (HOTP: the N counters after). Default 0.
  --json         JSON: [{ id, issuer, account, step, validFrom, validUntil, code }], times as
                 ISO-8601 UTC (null and step = counter for HOTP; id null with --uri).`,

  async run(argv: string[], ctx: CliContext) {
    const { values, positionals } = parseCommandArgs(argv, MOMENT_OPTIONS, true);
    const [query] = expectPositionals(positionals, 0, 1);
    const at = resolveMoment(values.at, values.offset, ctx.clock.now());
    const window = integerOption('window', values.window, 0, 0, MAX_WINDOW);
    if (values.uri !== undefined) {
      if (query !== undefined) throw new TweestapError('input', 'cli.usage.uriAndQuery');
      printCodeRows(ctx, uriCodeRows(parseOtpauthUri(values.uri), at, window), values.json ?? false);
      return EXIT.ok;
    }
    const rows = await vaultCodeRows(ctx, query, at, window);
    printCodeRows(ctx, rows, values.json ?? false);
    return rows.length > 0 ? EXIT.ok : EXIT.failed;
  },
};
