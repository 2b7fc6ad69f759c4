/** `tweestap remove`: delete one account and its keychain entry, after confirmation. */
import { TweestapError } from '../../shared/errors';
import { expectPositionals, parseCommandArgs } from '../args';
import type { CliContext, Command } from '../context';
import { EXIT } from '../exit-codes';
import { accountLabel, selectAccount } from '../query';

const OPTIONS = { yes: { type: 'boolean' } } as const;

export const removeCommand: Command = {
  help: `Usage:
  tweestap remove <query> [--yes]

Removes the one account <query> names (issuer, account or id) from the vault and its secret from
the keychain. Asks first on a terminal; without a terminal --yes is required (else exit 2).

  --yes   Do not ask.`,

  async run(argv: string[], ctx: CliContext) {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS, true);
    const [query] = expectPositionals(positionals, 1, 1);
    const service = await ctx.accounts();
    const target = selectAccount(await service.listAccounts(), query as string);
    const label = accountLabel(target);
    if (!values.yes) {
      if (!ctx.interactive) throw new TweestapError('input', 'cli.remove.needsYes', { label });
      if (!(await ctx.confirm(ctx.t('cli.remove.confirm', { label })))) {
        ctx.out(ctx.t('cli.remove.kept', { label }));
        return EXIT.failed;
      }
    }
    await service.removeAccount(target.id);
    ctx.out(ctx.t('cli.remove.done', { label }));
    return EXIT.ok;
  },
};
