/** `tweestap rename`: change an account's issuer and/or account name. */
import { TweestapError } from '../../shared/errors';
import { expectPositionals, parseCommandArgs } from '../args';
import type { CliContext, Command } from '../context';
import { EXIT } from '../exit-codes';
import { accountLabel, selectAccount } from '../query';

const OPTIONS = { issuer: { type: 'string' }, account: { type: 'string' } } as const;

export const renameCommand: Command = {
  help: `Usage:
  tweestap rename <query> [--issuer X] [--account Y]

Gives the one account <query> names a new issuer and/or account name (at least one of them).`,

  async run(argv: string[], ctx: CliContext) {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS, true);
    const [query] = expectPositionals(positionals, 1, 1);
    if (values.issuer === undefined && values.account === undefined) throw new TweestapError('input', 'cli.usage.renameWhat');
    const service = await ctx.accounts();
    const target = selectAccount(await service.listAccounts(), query as string);
    const renamed = await service.renameAccount(target.id, {
      issuer: values.issuer ?? target.issuer,
      account: values.account ?? target.account,
    });
    ctx.out(ctx.t('cli.rename.done', { from: accountLabel(target), to: accountLabel(renamed) }));
    return EXIT.ok;
  },
};
