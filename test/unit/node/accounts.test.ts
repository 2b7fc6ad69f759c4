import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AddResult, ManualEntry } from '../../../shared/api';
import { TweestapError } from '../../../shared/errors';
import { encodeMigrationUris, type OtpParams } from '../../../shared/otp';
import type { Clock } from '../../../shared/ports';
import { MapSecretStore } from '../../fixtures/map-secret-store';
import { migrationUri } from '../../fixtures/otp/migration-payload';
import { AccountService } from '../../../node/accounts';
import { Vault } from '../../../node/vault';
import { rejectionOf } from './importers/helpers';

/** The Map-backed keychain double, counting batch loads and failing on demand. */
class InstrumentedSecretStore extends MapSecretStore {
  loadAllCalls = 0;
  failing: TweestapError | null = null;

  override async loadAll() {
    this.check();
    this.loadAllCalls += 1;
    return super.loadAll();
  }
  override async set(id: string, secret: string) {
    this.check();
    return super.set(id, secret);
  }
  override async delete(id: string) {
    this.check();
    return super.delete(id);
  }
  private check() {
    if (this.failing) throw this.failing;
  }
}

const clock: Clock = { now: () => Date.UTC(2025, 0, 2, 3, 4, 5) };
// RFC 6238 / RFC 4226 test seed "12345678901234567890".
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

function totp(extra: Partial<OtpParams> = {}): OtpParams {
  return { type: 'totp', issuer: 'Nse-Portal', account: 'jan@example.nl', secret: RFC_SECRET, algorithm: 'SHA1', digits: 6, period: 20, counter: 0, ...extra };
}

let dir: string;
let store: InstrumentedSecretStore;
let service: AccountService;
const newService = () => new AccountService({ vault: new Vault(dir), secrets: store, clock });

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tweestap-accounts-'));
  store = new InstrumentedSecretStore();
  service = newService();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function added(result: AddResult) {
  if (result.status !== 'added') throw new Error(`expected added, got ${result.status}`);
  return result;
}

function vaultFile(): string {
  return readFileSync(path.join(dir, 'vault.json'), 'utf8');
}

const rejection = (promise: Promise<unknown>) => rejectionOf(() => promise);

describe('AccountService', () => {
  it('adds an account: secret in the keychain, labels in the vault, shown without the secret', async () => {
    const [view] = added(await service.add(totp(), 'ask')).accounts;
    expect(view).toEqual({ id: view!.id, type: 'totp', issuer: 'Nse-Portal', account: 'jan@example.nl', algorithm: 'SHA1', digits: 6, period: 20, counter: 0, secretMissing: false });
    expect(store.entries.get(view!.id)).toBe(RFC_SECRET);
    expect(vaultFile()).not.toContain(RFC_SECRET);
    expect(JSON.parse(vaultFile()).accounts[0].addedAt).toBe('2025-01-02T03:04:05.000Z');
    expect(await newService().listAccounts()).toEqual([view]);
  });

  it('computes current and next TOTP codes (RFC 6238 vector at 59 s) with the tester offset', async () => {
    const { accounts } = added(await service.add(totp({ digits: 8, period: 30 }), 'ask'));
    const [code] = await service.codes(50_000, 9);
    expect(code).toMatchObject({ accountId: accounts[0]!.id, step: 1, code: '94287082', validFrom: 30_000, validUntil: 60_000 });
    expect(code!.next).toEqual({ code: expect.stringMatching(/^\d{8}$/), validFrom: 60_000, validUntil: 90_000 });
    expect((await service.codes(60_000))[0]!.code).toBe(code!.next.code);
  });

  it('HOTP: saves counter + 1 before handing out the code of the old counter (RFC 4226)', async () => {
    const { accounts } = added(await service.add(totp({ type: 'hotp', counter: 0 }), 'ask'));
    const id = accounts[0]!.id;
    expect((await service.nextHotpCode(id)).code).toBe('755224');
    expect(JSON.parse(vaultFile()).accounts[0].counter).toBe(1);
    expect((await service.nextHotpCode(id)).code).toBe('287082');
    expect((await service.listAccounts())[0]!.counter).toBe(2);
  });

  it('HOTP: gives no code when the counter cannot be saved', async () => {
    const { accounts } = added(await service.add(totp({ type: 'hotp', counter: 5 }), 'ask'));
    const locked = new AccountService({ vault: new Vault(dir, { lock: { timeoutMs: 50 } }), secrets: store, clock });
    const lockFile = path.join(dir, 'vault.json.lock');
    writeFileSync(lockFile, JSON.stringify({ pid: 1, nonce: 'held by a live process' }));
    expect((await rejection(locked.nextHotpCode(accounts[0]!.id))).key).toBe('vault.lockTimeout');
    rmSync(lockFile);
    expect((await service.listAccounts())[0]!.counter).toBe(5);
  });

  it('refuses an HOTP code for a TOTP account', async () => {
    const { accounts } = added(await service.add(totp(), 'ask'));
    expect((await rejection(service.nextHotpCode(accounts[0]!.id))).key).toBe('vault.notHotp');
  });

  describe('duplicates (same issuer and account, ignoring case)', () => {
    it('ask: reports the existing account and writes nothing', async () => {
      const first = added(await service.add(totp(), 'ask')).accounts[0]!;
      const before = vaultFile();
      const result = await service.add(totp({ issuer: 'NSE-PORTAL', account: 'Jan@Example.nl', secret: 'JBSWY3DPEHPK3PXP' }), 'ask');
      expect(result).toEqual({ status: 'duplicate', existing: first, issuer: 'NSE-PORTAL', account: 'Jan@Example.nl', lookAlike: false });
      expect(vaultFile()).toBe(before);
      expect([...store.entries.values()]).toEqual([RFC_SECRET]);
    });

    it('replace: the existing id keeps its place with the new secret and settings', async () => {
      await service.add(totp({ issuer: 'Before' }), 'ask');
      const first = added(await service.add(totp(), 'ask')).accounts[0]!;
      await service.add(totp({ issuer: 'After' }), 'ask');
      const result = added(await service.add(totp({ secret: 'JBSWY3DPEHPK3PXP', digits: 8 }), 'replace'));
      expect(result.accounts).toEqual([{ ...first, digits: 8 }]);
      const list = await newService().listAccounts();
      expect(list.map((a) => a.issuer)).toEqual(['Before', 'Nse-Portal', 'After']);
      expect(list[1]).toEqual({ ...first, digits: 8 });
      expect(store.entries.get(first.id)).toBe('JBSWY3DPEHPK3PXP');
    });

    it('keep-both: adds a second entry', async () => {
      const first = added(await service.add(totp(), 'ask')).accounts[0]!;
      const second = added(await service.add(totp({ secret: 'JBSWY3DPEHPK3PXP' }), 'keep-both')).accounts[0]!;
      expect(second.id).not.toBe(first.id);
      expect((await service.listAccounts()).map((a) => a.id)).toEqual([first.id, second.id]);
      expect(store.entries.size).toBe(2);
    });
  });

  it('adds from the manual form with spaces and lower case in the secret', async () => {
    const entry: ManualEntry = { issuer: ' Nse-Portal ', account: 'jan@example.nl', secret: 'gezd gnbv gy3t qojq gezd gnbv gy3t qojq', type: 'totp', algorithm: 'SHA1', digits: 6, period: 20, counter: 0 };
    const view = added(await service.addManual(entry, 'ask')).accounts[0]!;
    expect(view.issuer).toBe('Nse-Portal');
    expect(store.entries.get(view.id)).toBe(RFC_SECRET);
  });

  it('rejects bad input with an input error and writes nothing', async () => {
    expect((await rejection(service.add(totp({ secret: '1!' }), 'ask'))).kind).toBe('input');
    expect((await rejection(service.add(totp({ issuer: 'x'.repeat(257) }), 'ask'))).key).toBe('vault.labelTooLong');
    expect(readdirSync(dir)).toEqual([]);
    expect(store.entries.size).toBe(0);
  });

  it('adds from an otpauth link', async () => {
    const uri = `otpauth://totp/Nse-Portal:jan%40example.nl?secret=${RFC_SECRET}&issuer=Nse-Portal&period=20`;
    const view = added(await service.addFromUri(uri, 'ask')).accounts[0]!;
    expect(view).toMatchObject({ issuer: 'Nse-Portal', account: 'jan@example.nl', period: 20 });
  });

  it('collects a Google export scanned out of order, then adds all its accounts at once with period warnings', async () => {
    await service.add(totp({ issuer: 'Nse-Portal', account: 'jan@example.nl', period: 20 }), 'ask');
    const exported = [totp({ issuer: 'A', account: 'a' }), totp({ issuer: 'B', account: 'b' }), totp({ issuer: 'Nse-Portal', account: 'jan@example.nl', period: 30 })];
    const parts = encodeMigrationUris(exported, { batchId: -42, perQr: 1 });
    expect(await service.addFromUri(parts[2]!, 'keep-both')).toEqual({ status: 'batch-progress', scanned: 1, total: 3, missing: [0, 1] });
    expect(await service.addFromUri(parts[0]!, 'keep-both')).toEqual({ status: 'batch-progress', scanned: 2, total: 3, missing: [1] });
    expect(await service.listAccounts()).toHaveLength(1);
    const result = added(await service.addFromUri(parts[1]!, 'keep-both'));
    expect(result.accounts.map((a) => a.issuer)).toEqual(['A', 'B', 'Nse-Portal']);
    expect(result.warnings).toEqual([{ key: 'otp.migrationPeriodImport', params: expect.objectContaining({ period: 20 }) }]);
    expect(await service.listAccounts()).toHaveLength(4);
  });

  it('refuses a part of another export until the half-scanned one is given up, then starts afresh', async () => {
    const first = encodeMigrationUris([totp({ issuer: 'A', account: 'a' }), totp({ issuer: 'B', account: 'b' })], { batchId: 1, perQr: 1 });
    const second = encodeMigrationUris([totp({ issuer: 'C', account: 'c' })], { batchId: 2, perQr: 1 });
    await service.addFromUri(first[0]!, 'ask');
    await expect(service.addFromUri(second[0]!, 'ask')).rejects.toMatchObject({ kind: 'input', key: 'otp.migrationOtherBatch' });
    service.cancelImportBatch();
    expect(added(await service.addFromUri(second[0]!, 'ask')).accounts.map((a) => a.issuer)).toEqual(['C']);
    expect(await service.addFromUri(first[1]!, 'ask')).toMatchObject({ status: 'batch-progress', scanned: 1, total: 2 });
  });

  it('asks about a duplicate in a complete export and imports it when the last part comes again with a choice', async () => {
    await service.add(totp({ issuer: 'B', account: 'b' }), 'ask');
    const parts = encodeMigrationUris([totp({ issuer: 'A', account: 'a' }), totp({ issuer: 'B', account: 'b', period: 30 })], { batchId: 7, perQr: 1 });
    await service.addFromUri(parts[0]!, 'ask');
    const asked = await service.addFromUri(parts[1]!, 'ask');
    expect(asked).toMatchObject({ status: 'duplicate', issuer: 'B', account: 'b' });
    expect(await service.listAccounts()).toHaveLength(1);
    const result = added(await service.addFromUri(parts[1]!, 'replace'));
    expect(result.accounts.map((a) => a.issuer)).toEqual(['A', 'B']);
    expect((await service.listAccounts()).map((a) => [a.issuer, a.period])).toEqual([
      ['B', 30],
      ['A', 30],
    ]);
  });

  describe('labels that cannot lie (issue 12, part 4)', () => {
    const NSE_URI = (issuer: string, account: string) =>
      `otpauth://totp/${encodeURIComponent(issuer)}:${encodeURIComponent(account)}?secret=JBSWY3DPEHPK3PXP&issuer=${encodeURIComponent(issuer)}&period=20`;
    /** The four rows the renderer showed as "Nse-Portal / alice@example.com", each with its own codes. */
    const FOUR_ROWS: Array<[string, string]> = [
      ['Nse-Portal', 'alice@example.com'],
      ['N\u0455\u0435-Portal', 'alice@example.com'], // Cyrillic ѕ and е
      ['Nse-Portal', '\u0430lice@ex\u0430mple.com'], // Cyrillic а
      ['Nse-P\u043Ertal', 'alice@exarnple.com'], // Cyrillic о, rn for m
    ];

    it('the four identical-looking rows: each after the first is a look-alike duplicate, and nothing is written', async () => {
      const [first, ...others] = FOUR_ROWS;
      const original = added(await service.addFromUri(NSE_URI(...first!), 'ask')).accounts[0]!;
      const before = vaultFile();
      for (const [issuer, account] of others) {
        expect(await service.addFromUri(NSE_URI(issuer, account), 'ask')).toEqual({ status: 'duplicate', existing: original, issuer, account, lookAlike: true });
        expect(await service.addManual({ ...totp({ issuer, account }) }, 'ask')).toMatchObject({ status: 'duplicate', lookAlike: true });
      }
      expect(vaultFile()).toBe(before);
      expect(await service.listAccounts()).toEqual([original]);
    });

    it('a look-alike in an import (one write for all) is asked about too; keep-both adds it knowingly', async () => {
      const original = added(await service.add(totp(), 'ask')).accounts[0]!;
      const look = totp({ issuer: 'N\u0455e-Portal', secret: 'JBSWY3DPEHPK3PXP' });
      expect(await service.addMany([totp({ issuer: 'GitHub' }), look], 'ask')).toMatchObject({ status: 'duplicate', existing: original, lookAlike: true });
      expect(await service.listAccounts()).toHaveLength(1);
      expect(added(await service.addMany([look], 'keep-both')).accounts).toHaveLength(1);
      expect((await service.listAccounts()).map((a) => a.issuer)).toEqual(['Nse-Portal', 'N\u0455e-Portal']);
    });

    // The same four rows in one file (an Aegis export, a migration QR): nothing to compare them
    // with in the vault, so they are compared with one another.
    it('refuses a file whose accounts only look alike among themselves, writing nothing, whatever the choice', async () => {
      const original = added(await service.add(totp({ issuer: 'Lab' }), 'ask')).accounts[0]!;
      const before = vaultFile();
      const batch = FOUR_ROWS.map(([issuer, account]) => totp({ issuer, account }));
      for (const choice of ['ask', 'keep-both', 'replace'] as const) {
        const error = await rejection(service.addMany(batch, choice));
        expect(error.key).toBe('vault.batchLookAlike');
        expect(error.params).toEqual({ first: 'Nse-Portal (alice@example.com)', second: 'N\u0455\u0435-Portal (alice@example.com)' });
      }
      expect(vaultFile()).toBe(before);
      expect(await service.listAccounts()).toEqual([original]);
      // Names that are simply the same (ignoring case) are two accounts the user may well have.
      expect(added(await service.addMany([totp({ account: 'bob' }), totp({ account: 'Bob', secret: 'JBSWY3DPEHPK3PXP' })], 'ask')).accounts).toHaveLength(2);
    });

    it('an exact duplicate is still a plain duplicate', async () => {
      added(await service.add(totp(), 'ask'));
      expect(await service.add(totp({ secret: 'JBSWY3DPEHPK3PXP' }), 'ask')).toMatchObject({ status: 'duplicate', lookAlike: false });
    });

    it('refuses hidden characters by every way in: link, export, manual entry, rename', async () => {
      const view = added(await service.add(totp({ issuer: 'Lab' }), 'ask')).accounts[0]!;
      const before = vaultFile();
      for (const char of ['\u202E', '\u200B', '\u001B', '\r', '\n', '\u0000']) {
        const key = 'otp.labelHiddenCharacter';
        expect((await rejection(service.addFromUri(NSE_URI(`Nse${char}-Portal`, 'alice@example.com'), 'ask'))).key).toBe(key);
        expect((await rejection(service.addFromUri(NSE_URI('Nse-Portal', `alice@example.com${char}`), 'ask'))).key).toBe(key);
        const secret = Uint8Array.from([0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x21, 0xde, 0xad, 0xbe, 0xef]);
        const migration = migrationUri({ accounts: [{ secret, name: `alice${char}`, issuer: 'Nse-Portal', type: 2 }], version: 1, batchSize: 1, batchIndex: 0, batchId: 7 });
        expect((await rejection(service.addFromUri(migration, 'ask'))).key).toBe(key);
        expect((await rejection(service.addManual({ ...totp({ account: `${char}alice` }) }, 'ask'))).key).toBe(key);
        expect((await rejection(service.renameAccount(view.id, { issuer: `Lab${char}`, account: '' }))).key).toBe(key);
        expect((await rejection(service.renameAccount(view.id, { issuer: 'Lab', account: `x${char}` }))).key).toBe(key);
      }
      expect(vaultFile()).toBe(before);
    });
  });

  it('renames, refusing empty labels', async () => {
    const view = added(await service.add(totp(), 'ask')).accounts[0]!;
    expect(await service.renameAccount(view.id, { issuer: ' NSE ', account: 'jan' })).toEqual({ ...view, issuer: 'NSE', account: 'jan' });
    expect((await rejection(service.renameAccount(view.id, { issuer: ' ', account: '' }))).key).toBe('vault.labelsEmpty');
    expect((await rejection(service.renameAccount('nope', { issuer: 'x', account: '' }))).kind).toBe('not-found');
  });

  it('reorders, requiring every id exactly once', async () => {
    const ids: string[] = [];
    for (const issuer of ['A', 'B', 'C']) ids.push(added(await service.add(totp({ issuer }), 'ask')).accounts[0]!.id);
    const [a, b, c] = ids as [string, string, string];
    expect((await service.reorderAccounts([c, a, b])).map((v) => v.issuer)).toEqual(['C', 'A', 'B']);
    for (const bad of [[a, b], [a, b, b], [a, b, c, 'x'], [a, b, 'x']]) {
      expect((await rejection(service.reorderAccounts(bad))).key).toBe('vault.reorderMismatch');
    }
    expect((await newService().listAccounts()).map((v) => v.issuer)).toEqual(['C', 'A', 'B']);
  });

  it('removes the vault entry first, so a failing keychain leaves no visible account', async () => {
    const view = added(await service.add(totp(), 'ask')).accounts[0]!;
    store.failing = new TweestapError('keychain', 'vault.keychainLocked.linux', { reason: 'locked' });
    expect((await rejection(service.removeAccount(view.id))).kind).toBe('keychain');
    expect(JSON.parse(vaultFile()).accounts).toEqual([]);
    store.failing = null;
    const other = added(await service.add(totp({ issuer: 'Other' }), 'ask')).accounts[0]!;
    await service.removeAccount(other.id);
    expect(store.entries.has(other.id)).toBe(false);
  });

  it('writes nothing when the keychain is unavailable', async () => {
    store.failing = new TweestapError('keychain', 'vault.keychainUnavailable.linux', { reason: 'no bus' });
    expect((await rejection(service.add(totp(), 'ask'))).key).toBe('vault.keychainUnavailable.linux');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('shows an account whose secret vanished from the keychain as secretMissing, without codes', async () => {
    const kept = added(await service.add(totp({ issuer: 'Kept' }), 'ask')).accounts[0]!;
    const lost = added(await service.add(totp({ issuer: 'Lost' }), 'ask')).accounts[0]!;
    store.entries.delete(lost.id);
    const fresh = newService();
    expect((await fresh.listAccounts()).map((a) => [a.issuer, a.secretMissing])).toEqual([
      ['Kept', false],
      ['Lost', true],
    ]);
    expect((await fresh.codes(clock.now())).map((c) => c.accountId)).toEqual([kept.id]);
    expect((await rejection(fresh.secretOf(lost.id))).key).toBe('vault.secretMissing');
  });

  it('loads the secrets in one keychain call and again only when another process added an account', async () => {
    for (const issuer of ['A', 'B']) await service.add(totp({ issuer }), 'ask');
    store.entries.delete((await service.listAccounts())[0]!.id); // really missing: must not cause reloads
    const reader = newService();
    await reader.listAccounts();
    await reader.codes(clock.now());
    await reader.listAccounts();
    expect(store.loadAllCalls).toBe(2); // one for `service`, one for `reader`
    await service.add(totp({ issuer: 'C' }), 'ask');
    expect((await reader.listAccounts()).find((a) => a.issuer === 'C')?.secretMissing).toBe(false);
    expect(store.loadAllCalls).toBe(3);
  });

  it('finds accounts by id (exact id wins) or by part of issuer or account, ignoring case', async () => {
    const nse = added(await service.add(totp(), 'ask')).accounts[0]!;
    await service.add(totp({ issuer: 'GitHub', account: nse.id }), 'ask');
    expect((await service.findAccounts(nse.id.toUpperCase())).map((a) => a.issuer)).toEqual(['Nse-Portal']);
    expect((await service.findAccounts('EXAMPLE.NL')).map((a) => a.issuer)).toEqual(['Nse-Portal']);
    expect(await service.findAccounts('nothing like it')).toEqual([]);
  });

  it('hands out secrets only through secretOf and exportAccounts', async () => {
    const view = added(await service.add(totp(), 'ask')).accounts[0]!;
    expect(await service.secretOf(view.id)).toEqual(totp());
    expect(await service.exportAccounts()).toEqual([totp()]);
  });

  it('never writes a canary secret to any file in the data folder', async () => {
    const canary = 'CANARYCANARYCANARYCANARY';
    const view = added(await service.add(totp({ secret: canary }), 'ask')).accounts[0]!;
    await service.renameAccount(view.id, { issuer: 'Renamed', account: 'x' });
    await service.add(totp({ secret: canary, issuer: 'Second' }), 'ask');
    for (const name of readdirSync(dir)) {
      expect(readFileSync(path.join(dir, name), 'utf8')).not.toContain(canary);
    }
  });
});
