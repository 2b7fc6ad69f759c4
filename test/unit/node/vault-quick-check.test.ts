/**
 * vault.ts reads vault.json with a quick check by hand and loads zod only when that check says
 * no (issue 13: a cold `tweestap list` should not pay for zod). The quick check must never
 * accept what the schema refuses, and must give the same accounts when it accepts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quickAccounts, VAULT_FORMAT } from '../../../node/vault';
import { vaultSchema } from '../../../node/vault-schema';

const good = {
  id: 'a1_B-2',
  type: 'totp',
  issuer: 'Nse-Portal',
  account: 'alice@example.com',
  algorithm: 'SHA1',
  digits: 6,
  period: 20,
  counter: 0,
  addedAt: '2025-01-01T00:00:00.000Z',
};
const vault = (accounts: unknown[]) => ({ format: VAULT_FORMAT, version: 1, accounts });

/** Field values near and across every limit of the schema. */
const fieldValues: Record<string, unknown[]> = {
  id: ['x', 'a'.repeat(64), 'a'.repeat(65), '', 'a b', 'ä', 7],
  type: ['totp', 'hotp', 'TOTP', null],
  issuer: ['', 'i'.repeat(256), 'i'.repeat(257), 3],
  account: ['', 'a'.repeat(256), 'a'.repeat(257)],
  algorithm: ['SHA1', 'SHA256', 'SHA512', 'MD5'],
  digits: [6, 7, 8, 5, '6', 6.5],
  period: [1, 86_400, 0, 86_401, 1.5, '30'],
  counter: [0, Number.MAX_SAFE_INTEGER, -1, Number.MAX_SAFE_INTEGER + 1, 0.5],
  addedAt: ['2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00.000+01:00', '2025-02-30T00:00:00.000Z', 'yesterday', '+010000-01-01T00:00:00.000Z'],
  extra: [undefined, 'kept out'],
};

describe('the quick vault check', () => {
  it('accepts a vault as Tweestap writes it, with the same accounts as the schema', () => {
    const json = vault([good, { ...good, id: 'b', type: 'hotp', counter: 5, extra: 'dropped' }]);
    expect(quickAccounts(json)).toEqual(vaultSchema.parse(json).accounts);
  });

  it('never accepts what the schema refuses, and agrees where it accepts', () => {
    fc.assert(
      fc.property(fc.array(fc.record(Object.fromEntries(Object.entries(fieldValues).map(([k, v]) => [k, fc.constantFrom(...v)]))), { maxLength: 3 }), fc.boolean(), (accounts, duplicate) => {
        const json = vault(duplicate && accounts.length > 0 ? [...accounts, accounts[0]] : accounts);
        const quick = quickAccounts(json);
        const schema = vaultSchema.safeParse(json);
        if (quick !== null) {
          expect(schema.success).toBe(true);
          expect(quick).toEqual(schema.data!.accounts);
        }
      }),
      { seed: 13, numRuns: 2000 },
    );
  });

  it('leaves other headers to the schema', () => {
    expect(quickAccounts({ format: VAULT_FORMAT, version: 2, accounts: [] })).toBeNull();
    expect(quickAccounts({ format: 'other', version: 1, accounts: [] })).toBeNull();
    expect(quickAccounts([])).toBeNull();
  });
});
