/** What `add` and `import` share: the duplicate choice and how an added account is reported. */
import type { AccountView, AddResult, DuplicateChoice, UserMessage } from '../shared/api';
import { TweestapError } from '../shared/errors';
import type { CliContext } from './context';
import { accountLabel } from './query';

/** `--replace` / `--keep-both` (at most one) as the service's duplicate choice; neither = ask. */
export function duplicateChoice(values: { replace?: boolean; 'keep-both'?: boolean }): DuplicateChoice {
  if (values.replace && values['keep-both']) throw new TweestapError('input', 'cli.usage.replaceAndKeepBoth');
  return values.replace ? 'replace' : values['keep-both'] ? 'keep-both' : 'ask';
}

/**
 * The accounts an add produced. A duplicate (with `ask`) becomes an input error naming the
 * existing account, saying so when the names only look alike (nothing was written); an unfinished migration batch names the missing parts.
 */
export function addedAccounts(result: AddResult): { accounts: AccountView[]; warnings: UserMessage[] } {
  if (result.status === 'added') return result;
  if (result.status === 'duplicate' && result.lookAlike) {
    throw new TweestapError('input', 'cli.add.lookAlike', { label: accountLabel(result), existing: accountLabel(result.existing), id: result.existing.id });
  }
  if (result.status === 'duplicate') {
    throw new TweestapError('input', 'cli.add.duplicate', { label: accountLabel(result.existing), id: result.existing.id });
  }
  throw new TweestapError('input', 'cli.add.partialBatch', { scanned: result.scanned, total: result.total, missing: result.missing.map((i) => i + 1).join(', ') });
}

/** Prints added accounts (JSON: `{ added: AccountView[], warnings: string[] }`); warnings also go to stderr. */
export function printAdded(ctx: CliContext, added: readonly AccountView[], warnings: readonly UserMessage[], json: boolean): void {
  const texts = warnings.map((w) => ctx.t(w.key, w.params));
  for (const text of texts) ctx.warn(text);
  if (json) ctx.json({ added, warnings: texts });
  else for (const a of added) ctx.out(ctx.t('cli.add.done', { label: accountLabel(a), id: a.id }));
}
