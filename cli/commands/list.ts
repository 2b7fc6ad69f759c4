/** `tweestap list`: the accounts of the vault, labels and settings only. */
import type { AccountLabels } from '../../node/accounts';
import { parseCommandArgs } from '../args';
import type { CliContext, Command } from '../context';
import { EXIT } from '../exit-codes';
import { accountLabel } from '../query';

const OPTIONS = { check: { type: 'boolean' }, json: { type: 'boolean' } } as const;

/** An account as listed: `secretMissing` is null unless `--check` looked the secrets up. */
type Listed = AccountLabels & { secretMissing: boolean | null };

/** One human line: id, label, and how the codes are made. */
function describe(ctx: CliContext, a: Listed): string {
  const kind = a.type === 'totp' ? `TOTP ${a.algorithm} ${a.digits} ${a.period}s` : `HOTP ${a.algorithm} ${a.digits} #${a.counter}`;
  const missing = a.secretMissing ? `  ${ctx.t('cli.list.secretMissing')}` : '';
  return `${a.id}  ${accountLabel(a)}  ${kind}${missing}`;
}

export const listCommand: Command = {
  help: `Usage:
  tweestap list [--check] [--json]

Lists every account in display order with its id, from the vault alone: no secret is read.

  --check  Also look every secret up in the keychain (one batch read) and mark an account whose
           secret is missing.
  --json   [{ id, type, issuer, account, algorithm, digits, period, counter, secretMissing }]
           (secretMissing is null without --check)`,

  async run(argv: string[], ctx: CliContext) {
    const { values } = parseCommandArgs(argv, OPTIONS, false);
    const service = await ctx.accounts();
    const accounts: Listed[] = values.check ? await service.listAccounts() : (await service.listLabels()).map((a) => ({ ...a, secretMissing: null }));
    if (values.json) ctx.json(accounts);
    else if (accounts.length === 0) ctx.out(ctx.t('cli.list.empty'));
    else for (const a of accounts) ctx.out(describe(ctx, a));
    return EXIT.ok;
  },
};
