/**
 * Issue 12, part 1: what a link from another program would add, shown before anything is added.
 * A migration link holding Nse-Portal/alice and GitHub/alice used to be confirmed as "an account"
 * and its duplicate as Nse-Portal only.
 */
import { describe, expect, it } from 'vitest';
import type { AccountView } from '../../../../shared/api';
import { TweestapError } from '../../../../shared/errors';
import { encodeMigrationUris } from '../../../../shared/otp/migration';
import { linkAccountsToAdd, previewLinkAccounts, readLinkAccounts } from '../../../../shared/otp/link-preview';
import type { OtpParams } from '../../../../shared/otp/types';

const SECRET_A = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const SECRET_B = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const totp = (issuer: string, account: string, secret: string, period = 30): OtpParams => ({ type: 'totp', issuer, account, secret, algorithm: 'SHA1', digits: 6, period, counter: 0 });
const view = (issuer: string, account: string, period = 30): AccountView => ({ id: `${issuer}-${account}`, type: 'totp', issuer, account, algorithm: 'SHA1', digits: 6, period, counter: 0, secretMissing: false });

const TWO_ACCOUNTS = encodeMigrationUris([totp('Nse-Portal', 'alice', SECRET_A), totp('GitHub', 'alice', SECRET_B)], { batchId: 7 })[0]!;
const PORTAL_LINK = `otpauth://totp/Nse-Portal:alice?secret=${SECRET_A}&issuer=Nse-Portal&period=20`;

describe('readLinkAccounts', () => {
  it('reads one account from an otpauth link and every account of a one-part export', () => {
    expect(readLinkAccounts(PORTAL_LINK)).toEqual([totp('Nse-Portal', 'alice', SECRET_A, 20)]);
    expect(readLinkAccounts(TWO_ACCOUNTS).map(({ issuer, account }) => `${issuer}/${account}`)).toEqual(['Nse-Portal/alice', 'GitHub/alice']);
  });

  it('refuses one part of a multi-part export instead of collecting it into a batch', () => {
    const parts = encodeMigrationUris([totp('A', 'a', SECRET_A), totp('B', 'b', SECRET_B)], { batchId: 9, perQr: 1 });
    const error = (() => {
      try {
        readLinkAccounts(parts[1]!);
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(TweestapError);
    expect(error).toMatchObject({ kind: 'input', key: 'deepLink.exportPart', params: { part: 2, total: 2 } });
  });
});

describe('previewLinkAccounts', () => {
  it('lists every account of the link with its period, marks duplicates and look-alikes, and holds no secret', () => {
    const preview = previewLinkAccounts(readLinkAccounts(TWO_ACCOUNTS), [view('Nse-Portal', 'alice', 20), view('G\u0456tHub', 'alice')]);
    expect(preview.accounts.map(({ issuer, account, period, duplicate }) => ({ issuer, account, period, duplicate }))).toEqual([
      { issuer: 'Nse-Portal', account: 'alice', period: 30, duplicate: 'same' },
      { issuer: 'GitHub', account: 'alice', period: 30, duplicate: 'look-alike' },
    ]);
    expect(JSON.stringify(preview)).not.toContain(SECRET_A);
    expect(JSON.stringify(preview)).not.toContain(SECRET_B);
  });
});

describe('linkAccountsToAdd', () => {
  const found = readLinkAccounts(TWO_ACCOUNTS);
  const existing = [view('Nse-Portal', 'alice', 20)];

  it('skip: leaves out the accounts you already have', () => {
    expect(linkAccountsToAdd(found, existing, 'skip').map((account) => account.issuer)).toEqual(['GitHub']);
  });

  it('keep-both: adds every account as a new one', () => {
    expect(linkAccountsToAdd(found, existing, 'keep-both').map((account) => account.issuer)).toEqual(['Nse-Portal', 'GitHub']);
  });
});
