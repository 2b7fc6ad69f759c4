/** `tweestap list`: the accounts of the vault, labels and settings only. */
import type { AccountView } from '../../shared/api';
import { parseCommandArgs } from '../args';
import type { CliContext, Command } from '../context';
import { EXIT } from '../exit-codes';
import { accountLabel } from '../query';

const OPTIONS = { json: { type: 'boolean' } } as const;

/** One human line: id, label, and how the codes are made. */
function describe(ctx: CliContext, a: AccountView): string {
  const kind = a.type === 'totp' ? `TOTP ${a.algorithm} ${a.digits} ${a.period}s` : `HOTP ${a.algorithm} ${a.digits} #${a.counter}`;
  const missing = a.secretMissing ? `  ${ctx.t('cli.list.secretMissing')}` : '';
  return `${a.id}  ${accountLabel(a)}  ${kind}${missing}`;
}

export const listCommand: Command = {
  help: `Usage:
  tweestap list [--json]

Lists every account in display order with its id. An account whose secret is missing from the
keychain is marked as such.

  --json   [{ id, type, issuer, account, algorithm, digits, period, counter, secretMissing }]`,

  async run(argv: string[], ctx: CliContext) {
    const { values } = parseCommandArgs(argv, OPTIONS, false);
    const accounts = await (await ctx.accounts()).listAccounts();
    if (values.json) ctx.json(accounts);
    else if (accounts.length === 0) ctx.out(ctx.t('cli.list.empty'));
    else for (const a of accounts) ctx.out(describe(ctx, a));
    return EXIT.ok;
  },
};
