import { describe, expect, it } from 'vitest';
import { accountLabel, matchAccounts, selectAccount } from '../../../cli/query';

const accounts = [
  { id: 'a1', issuer: 'Nse-Portal', account: 'alice@example.com' },
  { id: 'b2', issuer: 'Nse-Portal', account: 'bob@example.com' },
  { id: 'c3', issuer: 'GitHub', account: 'alice' },
  { id: 'd4', issuer: 'Git', account: 'carol' },
];

describe('matchAccounts', () => {
  it('matches issuer, account and id case-insensitively', () => {
    expect(matchAccounts(accounts, 'github').map((a) => a.id)).toEqual(['c3']);
    expect(matchAccounts(accounts, 'BOB@EXAMPLE.COM').map((a) => a.id)).toEqual(['b2']);
    expect(matchAccounts(accounts, 'A1').map((a) => a.id)).toEqual(['a1']);
  });

  it('prefers exact matches over parts of names', () => {
    expect(matchAccounts(accounts, 'git').map((a) => a.id)).toEqual(['d4']);
    expect(matchAccounts(accounts, 'alice').map((a) => a.id)).toEqual(['c3']);
  });

  it('falls back to parts of names, and accepts issuer:account', () => {
    expect(matchAccounts(accounts, 'example').map((a) => a.id)).toEqual(['a1', 'b2']);
    expect(matchAccounts(accounts, 'nse-portal:alice@example.com').map((a) => a.id)).toEqual(['a1']);
  });
});

describe('selectAccount', () => {
  it('returns the one match', () => {
    expect(selectAccount(accounts, 'bob').id).toBe('b2');
  });

  it('reports no match as not-found', () => {
    expect(() => selectAccount(accounts, 'zzz')).toThrow(expect.objectContaining({ kind: 'not-found', key: 'cli.query.none' }));
  });

  it('reports several matches as an input error listing each candidate with its id', () => {
    expect(() => selectAccount(accounts, 'nse')).toThrow(
      expect.objectContaining({
        kind: 'input',
        key: 'cli.query.ambiguous',
        params: { query: 'nse', candidates: 'Nse-Portal (alice@example.com) [a1]; Nse-Portal (bob@example.com) [b2]' },
      }),
    );
  });
});

describe('accountLabel', () => {
  it('shows issuer and account, or whichever exists', () => {
    expect(accountLabel({ issuer: 'X', account: 'y' })).toBe('X (y)');
    expect(accountLabel({ issuer: '', account: 'y' })).toBe('y');
    expect(accountLabel({ issuer: '', account: '' })).toBe('—');
  });
});
