/**
 * Look-alike names (issue 12, part 4): a new issuer and account name are compared with the
 * existing ones by their Unicode TR39 skeleton, so `Nѕе-Portal` (Cyrillic ѕ and е) cannot sit
 * unnoticed next to `Nse-Portal`. Kept apart from label-safety.ts so that parsing a link does
 * not load the confusables table (about 14 ms): only adding accounts needs it.
 */
import unhomoglyph from 'unhomoglyph';
import type { AccountLabel } from './label';

const DEFAULT_IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * The Unicode TR39 skeleton of `text`: NFD, default-ignorable code points removed, every
 * character mapped to its prototype from confusables.txt (the `unhomoglyph` package's table),
 * NFD again. Two texts with the same skeleton look alike (`Nѕе` and `Nse`, `rn` and `m`,
 * `0` and `O`). Not meant to be shown.
 */
export function skeleton(text: string): string {
  return unhomoglyph(text.normalize('NFD').replace(DEFAULT_IGNORABLE, '')).normalize('NFD');
}

/**
 * The keys under which a name is compared: the skeleton of its lower-case form (so `ALICE` and
 * `alice` match) and the lower-case form of its skeleton (so capital `I` and `l` match), with
 * runs of spaces as one space (the window shows them so).
 */
function comparisonKeys(text: string): [string, string] {
  const spaces = (s: string) => s.replace(/\s+/gu, ' ').trim();
  return [spaces(skeleton(text.toLowerCase())), spaces(skeleton(text).toLowerCase())];
}

/** True when two names would look alike on screen (equal names included). */
export function namesLookAlike(a: string, b: string): boolean {
  const [a1, a2] = comparisonKeys(a);
  const [b1, b2] = comparisonKeys(b);
  return a1 === b1 || a2 === b2;
}

/** True when both the issuers and the account names of two accounts look alike. */
export function labelsLookAlike(a: AccountLabel, b: AccountLabel): boolean {
  return namesLookAlike(a.issuer, b.issuer) && namesLookAlike(a.account, b.account);
}

/** What a found account has in common with a new one: the same names (ignoring case), or only the look. */
export interface LabelMatch<T> {
  match: T;
  /** The names differ but look alike (`Nѕе-Portal` for `Nse-Portal`): tell the user so. */
  lookAlike: boolean;
}

/**
 * The first two items of `items` whose names only look alike (the same by the skeleton, not the
 * same text ignoring case), or undefined. A file or export holding such a pair can only be meant
 * to mislead: two rows that read the same with different codes.
 */
export function firstLookAlikePair<T extends AccountLabel>(items: Iterable<T>): [T, T] | undefined {
  const index = new LabelIndex<T>();
  for (const item of items) {
    const found = index.find(item);
    if (found?.lookAlike) return [found.match, item];
    index.add(item);
  }
  return undefined;
}

/**
 * Accounts indexed by their names, to find the one a new account duplicates: first one with the
 * same issuer and account name ignoring case, else one whose names look alike
 * (labelsLookAlike). Each lookup is a few map reads, so an import of thousands of accounts
 * against thousands of existing ones stays linear. The first account added under a key wins.
 */
export class LabelIndex<T extends AccountLabel> {
  readonly #same = new Map<string, T>();
  readonly #alike = new Map<string, T>();

  constructor(items: Iterable<T> = []) {
    for (const item of items) this.add(item);
  }

  /** Adds an account (later lookups find it). */
  add(item: T): void {
    const same = sameKey(item);
    if (!this.#same.has(same)) this.#same.set(same, item);
    for (const key of alikeKeys(item)) if (!this.#alike.has(key)) this.#alike.set(key, item);
  }

  /** The account `label` would duplicate, or undefined. */
  find(label: AccountLabel): LabelMatch<T> | undefined {
    const same = this.#same.get(sameKey(label));
    if (same) return { match: same, lookAlike: false };
    for (const key of alikeKeys(label)) {
      const alike = this.#alike.get(key);
      if (alike) return { match: alike, lookAlike: true };
    }
    return undefined;
  }
}

function sameKey({ issuer, account }: AccountLabel): string {
  return `${issuer.toLowerCase()}\u0000${account.toLowerCase()}`;
}

/**
 * Both names look alike when each matches by either comparison key, so every pairing of the
 * issuer's two keys with the account's two keys is a key of the account.
 */
function alikeKeys({ issuer, account }: AccountLabel): string[] {
  const issuerKeys = comparisonKeys(issuer);
  const accountKeys = comparisonKeys(account);
  return issuerKeys.flatMap((i, n) => accountKeys.map((a, m) => `${n}${m}\u0000${i}\u0000${a}`));
}
