/** Finding the one account a command is about, from what the user typed. */
import { TweestapError } from '../shared/errors';
import { escapeHidden } from '../shared/hidden-characters';

interface Labelled {
  id: string;
  issuer: string;
  account: string;
}

/**
 * How an account is named in messages and human output: `Issuer (account)`, hidden characters
 * escaped (a line break too, which the output itself would keep), so a name stored before names
 * were checked cannot break a line of `list` or pose as another row.
 */
export function accountLabel(a: Pick<Labelled, 'issuer' | 'account'>): string {
  if (a.issuer && a.account) return escapeHidden(`${a.issuer} (${a.account})`);
  return escapeHidden(a.issuer || a.account || '—');
}

/**
 * The accounts `query` names, case-insensitively. Exact matches of the id, the issuer, the
 * account or `issuer:account` win; otherwise a part of the issuer, account or id is enough.
 */
export function matchAccounts<T extends Labelled>(accounts: readonly T[], query: string): T[] {
  const q = query.trim().toLowerCase();
  const names = (a: T) => [a.id, a.issuer, a.account, `${a.issuer}:${a.account}`].map((s) => s.toLowerCase());
  const exact = accounts.filter((a) => names(a).includes(q));
  if (exact.length > 0 || q === '') return exact;
  return accounts.filter((a) => names(a).some((name) => name.includes(q)));
}

/**
 * The one account `query` names. None → not-found (exit 1); several → input error (exit 2)
 * listing the candidates with their ids, so the user can repeat the command with an id.
 */
export function selectAccount<T extends Labelled>(accounts: readonly T[], query: string): T {
  const found = matchAccounts(accounts, query);
  if (found.length === 1) return found[0] as T;
  if (found.length === 0) throw new TweestapError('not-found', 'cli.query.none', { query });
  const candidates = found.map((a) => `${accountLabel(a)} [${a.id}]`).join('; ');
  throw new TweestapError('input', 'cli.query.ambiguous', { query, candidates });
}
