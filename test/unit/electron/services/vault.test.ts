import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TweestapError } from '../../../../shared/errors';
import { Vault, type VaultAccount } from '../../../../electron/services/vault';

function account(id: string, extra: Partial<VaultAccount> = {}): VaultAccount {
  return { id, type: 'totp', issuer: 'Nse-Portal', account: `${id}@example.nl`, algorithm: 'SHA1', digits: 6, period: 20, counter: 0, addedAt: '2025-01-01T00:00:00.000Z', ...extra };
}

function vaultText(accounts: unknown[], header: Record<string, unknown> = { format: 'tweestap-vault', version: 1 }): string {
  return JSON.stringify({ ...header, accounts });
}

let dir: string;
let vault: Vault;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tweestap-vault-'));
  vault = new Vault(dir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function vaultError(promise: Promise<unknown>): Promise<TweestapError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TweestapError);
  return error as TweestapError;
}

describe('Vault', () => {
  it('reads a missing file as an empty vault and does not create it on a no-op update', async () => {
    expect(await vault.read()).toEqual([]);
    await vault.update(() => undefined);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes the versioned format with accounts in display order, and reads them back', async () => {
    await vault.update((accounts) => void accounts.push(account('b'), account('a')));
    const json = JSON.parse(readFileSync(vault.file, 'utf8'));
    expect(json.format).toBe('tweestap-vault');
    expect(json.version).toBe(1);
    expect(json.accounts.map((a: VaultAccount) => a.id)).toEqual(['b', 'a']);
    expect(await new Vault(dir).read()).toEqual([account('b'), account('a')]);
  });

  it('keeps the previous good copy as vault.json.bak and leaves no temp file behind', async () => {
    await vault.update((accounts) => void accounts.push(account('one')));
    const first = readFileSync(vault.file, 'utf8');
    await vault.update((accounts) => void accounts.push(account('two')));
    expect(readFileSync(`${vault.file}.bak`, 'utf8')).toBe(first);
    expect(readdirSync(dir).sort()).toEqual(['vault.json', 'vault.json.bak']);
  });

  it('writes nothing when the mutation throws', async () => {
    await vault.update((accounts) => void accounts.push(account('one')));
    const before = readFileSync(vault.file, 'utf8');
    await expect(
      vault.update((accounts) => {
        accounts.push(account('two'));
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(readFileSync(vault.file, 'utf8')).toBe(before);
  });

  it('refuses to write accounts that break the schema', async () => {
    await expect(vault.update((accounts) => void accounts.push(account('x', { digits: 9 as 6 })))).rejects.toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('removes temp files left by a writer that was killed mid-write', async () => {
    writeFileSync(path.join(dir, 'vault.json.tmp-999-abc'), '{"half":');
    await vault.update((accounts) => void accounts.push(account('one')));
    expect(readdirSync(dir)).toEqual(['vault.json']);
  });

  const broken: Array<[string, string, string]> = [
    ['an empty file', '', 'vault.empty'],
    ['whitespace only', ' \n', 'vault.empty'],
    ['truncated JSON', '{"format":"tweestap-vault","version":1,"accounts":[{"id"', 'vault.corrupt'],
    ['a newer version', vaultText([], { format: 'tweestap-vault', version: 2 }), 'vault.newerVersion'],
    ['another format', vaultText([], { format: 'something-else', version: 1 }), 'vault.invalid'],
    ['no accounts array', JSON.stringify({ format: 'tweestap-vault', version: 1 }), 'vault.invalid'],
    ['a bad algorithm', vaultText([account('a', { algorithm: 'MD5' as 'SHA1' })]), 'vault.invalid'],
    ['a negative counter', vaultText([account('a', { counter: -1 })]), 'vault.invalid'],
    ['a zero period', vaultText([account('a', { period: 0 })]), 'vault.invalid'],
    ['a duplicate id', vaultText([account('a'), account('a')]), 'vault.invalid'],
    ['a missing field', vaultText([{ id: 'a', type: 'totp' }]), 'vault.invalid'],
  ];
  it.each(broken)('reports %s as a vault error naming the file, and never overwrites it', async (_name, text, key) => {
    writeFileSync(vault.file, text);
    const readError = await vaultError(vault.read());
    expect(readError.kind).toBe('vault');
    expect(readError.key).toBe(key);
    expect(readError.params.file).toBe(vault.file);
    expect(readError.message).toContain(vault.file);
    const updateError = await vaultError(vault.update((accounts) => void accounts.push(account('new'))));
    expect(updateError.key).toBe(key);
    expect(readFileSync(vault.file, 'utf8')).toBe(text);
    expect(readdirSync(dir).sort()).toEqual(['vault.json']);
  });

  it('reports an unreadable vault (here a folder in its place) as a vault error', async () => {
    mkdirSync(vault.file);
    const error = await vaultError(vault.read());
    expect(error.key).toBe('vault.unreadable');
    expect(error.params.file).toBe(vault.file);
  });

  it('moves a damaged vault aside only when asked, after which the vault is empty', async () => {
    writeFileSync(vault.file, '{oops');
    const moved = await vault.quarantine(new Date('2025-03-04T05:06:07.089Z'));
    expect(moved).toBe(`${vault.file}.corrupt-2025-03-04T05-06-07-089Z`);
    expect(readFileSync(moved!, 'utf8')).toBe('{oops');
    expect(await vault.read()).toEqual([]);
    expect(await vault.quarantine()).toBeNull();
  });

  it('drops unknown fields of an account when it rewrites the file', async () => {
    writeFileSync(vault.file, vaultText([{ ...account('a'), secret: 'JBSWY3DPEHPK3PXP' }]));
    expect(await vault.read()).toEqual([account('a')]);
    await vault.update((accounts) => void accounts.push(account('b')));
    expect(readFileSync(vault.file, 'utf8')).not.toContain('JBSWY3DPEHPK3PXP');
  });

  it('can watch a data folder that does not exist yet', async () => {
    const fresh = new Vault(path.join(dir, 'not-yet'));
    const changed = new Promise<void>((resolve) => {
      const stop = fresh.watch(() => {
        stop();
        resolve();
      });
    });
    await new Vault(fresh.dir).update((accounts) => void accounts.push(account('first')));
    await changed;
  });

  it('tells a watcher when another process changes the file, not when it writes itself', async () => {
    const other = new Vault(dir);
    const seenAtCall: string[][] = [];
    const changed = new Promise<void>((resolve) => {
      const stop = vault.watch(() => {
        seenAtCall.push(JSON.parse(readFileSync(vault.file, 'utf8')).accounts.map((a: VaultAccount) => a.id));
        stop();
        resolve();
      });
    });
    await vault.update((accounts) => void accounts.push(account('mine')));
    await other.update((accounts) => void accounts.push(account('theirs')));
    await changed;
    expect(seenAtCall).toEqual([['mine', 'theirs']]);
  });
});
