/**
 * The limits of shared/limits.ts hold the same in every layer: what the API validation lets
 * through, the vault stores and loads again, and one past the limit both refuse.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateArgs } from '../../../node/api-validation';
import { Vault, type VaultAccount } from '../../../node/vault';
import { MAX_ID_LENGTH, MAX_LABEL_LENGTH } from '../../../shared/limits';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tweestap-limits-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const account = (id: string, name: string): VaultAccount => ({ id, type: 'totp', issuer: name, account: name, algorithm: 'SHA1', digits: 6, period: 20, counter: 0, addedAt: '2026-11-29T15:00:00.000Z' });

describe('limits agree across the API and the vault', () => {
  it('an id and names at the limit pass validation and round-trip through the vault', async () => {
    const id = 'a'.repeat(MAX_ID_LENGTH);
    const name = 'n'.repeat(MAX_LABEL_LENGTH);
    expect(() => validateArgs('renameAccount', [id, { issuer: name, account: name }])).not.toThrow();
    const vault = new Vault(dir);
    await vault.update((accounts) => void accounts.push(account(id, name)));
    expect((await new Vault(dir).read())[0]).toMatchObject({ id, issuer: name });
  });

  it('one past the limit is refused by both', async () => {
    const id = 'a'.repeat(MAX_ID_LENGTH + 1);
    expect(() => validateArgs('removeAccount', [id])).toThrow();
    const vault = new Vault(dir);
    await expect(vault.update((accounts) => void accounts.push(account(id, 'x')))).rejects.toThrow();
    await expect(vault.update((accounts) => void accounts.push(account('b', 'n'.repeat(MAX_LABEL_LENGTH + 1))))).rejects.toThrow();
  });
});
