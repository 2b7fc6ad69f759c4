import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejectionOf } from './importers/helpers';
import { Vault, type VaultAccount } from '../../../node/vault';

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

const vaultError = (promise: Promise<unknown>) => rejectionOf(() => promise);

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

describe('Vault.recover', () => {
  const NOW = new Date('2025-03-04T05:06:07.089Z');
  const keptAs = () => `${vault.file}.corrupt-2025-03-04T05-06-07-089Z`;

  /** A vault of two accounts written by the vault itself, then a third: vault.json.bak holds the two. */
  async function vaultWithBackup(): Promise<string> {
    await vault.update((accounts) => void accounts.push(account('one'), account('two')));
    const goodCopy = readFileSync(vault.file, 'utf8');
    await vault.update((accounts) => void accounts.push(account('three')));
    expect(readFileSync(`${vault.file}.bak`, 'utf8')).toBe(goodCopy);
    return goodCopy;
  }

  it('keeps a corrupt vault aside byte for byte and restores the previous good copy', async () => {
    const goodCopy = await vaultWithBackup();
    const damaged = Buffer.from([0x7b, 0x22, 0x66, 0xff, 0x00, 0xfe, 0x0a]); // `{"f`, invalid UTF-8, a NUL
    writeFileSync(vault.file, damaged);
    expect((await vaultError(vault.read())).key).toBe('vault.corrupt');

    const recovery = await vault.recover(NOW);

    expect(recovery).toEqual({ movedTo: keptAs(), restored: 'previous-copy', accounts: 2 });
    expect(readFileSync(keptAs()).equals(damaged)).toBe(true);
    expect(readFileSync(vault.file, 'utf8')).toBe(goodCopy);
    expect((await new Vault(dir).read()).map((a) => a.id)).toEqual(['one', 'two']);
    expect(readFileSync(`${vault.file}.bak`, 'utf8')).toBe(goodCopy);
    expect(readdirSync(dir).filter((name) => !name.endsWith('.lock')).sort()).toEqual(['vault.json', 'vault.json.bak', path.basename(keptAs())].sort());
  });

  it.each([
    ['empty', 'vault.empty', ''],
    ['not a vault', 'vault.invalid', vaultText([{ id: 'x' }])],
  ])('moves an %s vault aside and starts empty when there is no previous copy', async (_name, key, text) => {
    writeFileSync(vault.file, text);
    expect((await vaultError(vault.read())).key).toBe(key);

    expect(await vault.recover(NOW)).toEqual({ movedTo: keptAs(), restored: 'empty', accounts: 0 });

    expect(readFileSync(keptAs(), 'utf8')).toBe(text);
    expect(existsSync(vault.file)).toBe(false); // not replaced by an empty vault file
    expect(await vault.read()).toEqual([]);
  });

  it('starts empty when the previous copy is damaged too, and keeps that copy', async () => {
    writeFileSync(vault.file, '{oops');
    writeFileSync(`${vault.file}.bak`, '{also broken');
    expect(await vault.recover(NOW)).toMatchObject({ restored: 'empty', accounts: 0 });
    expect(readFileSync(`${vault.file}.bak`, 'utf8')).toBe('{also broken');
    expect(existsSync(vault.file)).toBe(false);
  });

  it('never overwrites a file kept aside earlier in the same millisecond', async () => {
    writeFileSync(vault.file, '{first');
    const first = await vault.recover(NOW);
    writeFileSync(vault.file, '{second');
    const second = await vault.recover(NOW);
    expect(second.movedTo).not.toBe(first.movedTo);
    expect(readFileSync(first.movedTo, 'utf8')).toBe('{first');
    expect(readFileSync(second.movedTo, 'utf8')).toBe('{second');
  });

  it('refuses a vault of a newer version and moves nothing: the user should update', async () => {
    await vaultWithBackup();
    const newer = vaultText([], { format: 'tweestap-vault', version: 2 });
    writeFileSync(vault.file, newer);
    const error = await vaultError(vault.recover(NOW));
    expect(error).toMatchObject({ kind: 'vault', key: 'vault.newerVersion', params: { file: vault.file, version: 2 } });
    expect(readFileSync(vault.file, 'utf8')).toBe(newer);
    expect(readdirSync(dir).some((name) => name.includes('.corrupt-'))).toBe(false);
  });

  it('refuses a vault that loads (or is missing) with vault.notDamaged and moves nothing', async () => {
    expect((await vaultError(vault.recover(NOW))).key).toBe('vault.notDamaged');
    await vault.update((accounts) => void accounts.push(account('one')));
    const text = readFileSync(vault.file, 'utf8');
    const error = await vaultError(vault.recover(NOW));
    expect(error).toMatchObject({ kind: 'input', key: 'vault.notDamaged', params: { file: vault.file } });
    expect(readFileSync(vault.file, 'utf8')).toBe(text);
    expect(readdirSync(dir).some((name) => name.includes('.corrupt-'))).toBe(false);
  });

  it('leaves an unreadable vault (a folder in its place) where it is: that is for the user to fix', async () => {
    mkdirSync(vault.file);
    expect((await vaultError(vault.recover(NOW))).key).toBe('vault.unreadable');
    expect(readdirSync(dir).some((name) => name.includes('.corrupt-'))).toBe(false);
  });
});

describe('the data folder (issue 12.5)', () => {
  it('is refused when other users can write it, and nothing is written', async () => {
    chmodSync(dir, 0o777);
    const error = await vaultError(vault.update((accounts) => void accounts.push(account('a'))));
    expect(error.key).toBe('vault.folderNotPrivate');
    expect(error.params).toEqual({ folder: dir });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('is refused for reading too: a vault there could have been planted', async () => {
    writeFileSync(vault.file, vaultText([account('planted')]));
    chmodSync(dir, 0o777);
    const error = await vaultError(vault.read());
    expect(error.kind).toBe('vault');
    expect(error.key).toBe('vault.folderNotPrivate');
  });

  it('reads a missing data folder as an empty vault', async () => {
    expect(await new Vault(path.join(dir, 'not-yet')).read()).toEqual([]);
  });

  it('is created 0700 when missing', async () => {
    const fresh = new Vault(path.join(dir, 'new'));
    await fresh.update((accounts) => void accounts.push(account('a')));
    expect(statMode(path.join(dir, 'new'))).toBe(0o700);
  });
});

function statMode(file: string): number {
  return statSync(file).mode & 0o777;
}
