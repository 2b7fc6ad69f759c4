import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { importAegis } from '../../../../node/importers';
import {
  aegisBiometricSlot,
  aegisDb,
  aegisEncryptedVault,
  aegisEntry,
  aegisPasswordSlot,
  aegisPlainVault,
  FIXTURE_ACCOUNTS,
  FIXTURE_PASSWORD,
} from '../../../fixtures/import/generate';
import { expectInputRejection, useImportFixtures } from './helpers';

const readFixture = useImportFixtures();
/** Cheap scrypt for the many encrypted variations; the fixture file uses Aegis's 2^15. */
const FAST_N = 2 ** 14;
const fastSlot = (password: string) => (masterKey: Buffer) => [aegisPasswordSlot(masterKey, password, FAST_N)];
const entries = FIXTURE_ACCOUNTS.map(aegisEntry);

describe('importAegis', () => {
  it('reads every account of a plain export', async () => {
    const text = (await readFixture('aegisPlain')).toString('utf8');
    expect(await importAegis(text)).toEqual({ accounts: FIXTURE_ACCOUNTS, skipped: [] });
  });

  it('reads every account of an encrypted export with its password (scrypt 2^15 as Aegis writes)', async () => {
    const text = (await readFixture('aegisEncrypted')).toString('utf8');
    expect(await importAegis(text, FIXTURE_PASSWORD)).toEqual({ accounts: FIXTURE_ACCOUNTS, skipped: [] });
  });

  it('reads every content version Aegis has written (1 to 3)', async () => {
    for (const version of [1, 2, 3]) {
      expect((await importAegis(aegisPlainVault(aegisDb(entries, version)))).accounts).toEqual(FIXTURE_ACCOUNTS);
    }
  });

  it('skips Steam, Yandex, invalid and over-long entries with their reason and label, and imports the rest', async () => {
    const steam = { ...aegisEntry(FIXTURE_ACCOUNTS[0]!), type: 'steam', issuer: 'Steam', name: 'gamer' };
    const yandex = { ...aegisEntry(FIXTURE_ACCOUNTS[0]!), type: 'yandex', issuer: 'Yandex', name: 'ivan' };
    const badSecret = aegisEntry({ ...FIXTURE_ACCOUNTS[1]!, secret: 'NOT-BASE32!' });
    const noInfo = { type: 'totp', name: 'x', issuer: 'NoInfo' };
    const longName = { ...aegisEntry(FIXTURE_ACCOUNTS[0]!), issuer: 'Long', name: 'n'.repeat(257) };
    const result = await importAegis(aegisPlainVault(aegisDb([steam, entries[0], yandex, badSecret, 'junk', noInfo, longName])));
    expect(result.accounts).toEqual([FIXTURE_ACCOUNTS[0]]);
    expect(result.skipped).toEqual([
      { position: 1, label: 'Steam (gamer)', key: 'import.entrySteam', params: {} },
      { position: 3, label: 'Yandex (ivan)', key: 'import.entryTypeUnsupported', params: { type: 'yandex' } },
      { position: 4, label: 'Gemeente Ærø (jan+test@example.com)', key: 'otp.secretNotBase32', params: {} },
      { position: 5, label: '', key: 'import.entryInvalid', params: {} },
      { position: 6, label: 'NoInfo (x)', key: 'import.entryInvalid', params: {} },
      { position: 7, label: `Long (${'n'.repeat(200)})`, key: 'vault.labelTooLong', params: { max: 256 } },
    ]);
  });

  it('tries each password slot and ignores biometric ones', async () => {
    const text = aegisEncryptedVault(aegisDb(entries), 'second', (masterKey) => [
      aegisBiometricSlot(masterKey),
      aegisPasswordSlot(masterKey, 'first', FAST_N),
      aegisPasswordSlot(masterKey, 'second', FAST_N),
    ]);
    expect((await importAegis(text, 'second')).accounts).toEqual(FIXTURE_ACCOUNTS);
    expect((await importAegis(text, 'first')).accounts).toEqual(FIXTURE_ACCOUNTS);
  });

  it('asks for the password of an encrypted export', async () => {
    await expectInputRejection(() => importAegis(aegisEncryptedVault(aegisDb(entries), 'pw', fastSlot('pw'))), 'import.passwordRequired');
  });

  it('refuses a wrong password', async () => {
    const text = aegisEncryptedVault(aegisDb(entries), FIXTURE_PASSWORD, fastSlot(FIXTURE_PASSWORD));
    await expectInputRejection(() => importAegis(text, 'wrong'), 'import.aegis.wrongPassword');
  });

  it('refuses a vault that only biometrics can open', async () => {
    const text = aegisEncryptedVault(aegisDb(entries), '', (masterKey) => [aegisBiometricSlot(masterKey)]);
    await expectInputRejection(() => importAegis(text, 'any'), 'import.aegis.noPasswordSlot');
  });

  it('refuses a changed database (authentication fails with the right password)', async () => {
    const vault = JSON.parse(aegisEncryptedVault(aegisDb(entries), 'pw', fastSlot('pw'))) as { db: string };
    const db = Buffer.from(vault.db, 'base64');
    db[10]! ^= 1;
    const changed = JSON.stringify({ ...vault, db: db.toString('base64') });
    await expectInputRejection(() => importAegis(changed, 'pw'), 'import.aegis.wrongPassword');
  });

  it('refuses slot cost settings that would stall the machine, before running scrypt', async () => {
    const vault = JSON.parse(aegisEncryptedVault(aegisDb(entries), 'pw', fastSlot('pw'))) as {
      header: { slots: Record<string, unknown>[] };
    };
    vault.header.slots[0]!.n = 2 ** 30;
    await expectInputRejection(() => importAegis(JSON.stringify(vault), 'pw'), 'backup.unsafeKdf');
  });

  describe('counts every password slot before running scrypt (issue 12.6)', () => {
    /** A vault with `count` fast slots, then given the cost settings `kdf` (refused before they matter). */
    function vaultWithSlots(count: number, kdf: { n: number; r: number; p: number }): string {
      const vault = JSON.parse(
        aegisEncryptedVault(aegisDb(entries), 'pw', (masterKey) => Array.from({ length: count }, () => aegisPasswordSlot(masterKey, 'pw', FAST_N))),
      ) as { header: { slots: Record<string, unknown>[] } };
      for (const slot of vault.header.slots) Object.assign(slot, kdf);
      return JSON.stringify(vault);
    }

    it('refuses four slots of N 2^20, r 8, p 16 (took 200 s)', async () => {
      await expectInputRejection(() => importAegis(vaultWithSlots(4, { n: 2 ** 20, r: 8, p: 16 }), 'pw'), 'backup.unsafeKdf');
    });

    it('refuses slots each within the bound but together above it, naming their number', async () => {
      const error = await expectInputRejection(() => importAegis(vaultWithSlots(3, { n: 2 ** 17, r: 8, p: 1 }), 'pw'), 'backup.kdfTooCostly');
      expect(error.params).toEqual({ count: 3 });
      await expectInputRejection(() => importAegis(vaultWithSlots(17, { n: 2 ** 14, r: 8, p: 1 }), 'pw'), 'backup.kdfTooCostly');
    });

    it('still opens a vault with several slots at the cost Aegis writes (N 2^15)', async () => {
      const text = aegisEncryptedVault(aegisDb(entries), 'b', (masterKey) => [aegisPasswordSlot(masterKey, 'a'), aegisPasswordSlot(masterKey, 'b')]);
      expect((await importAegis(text, 'b')).accounts).toEqual(FIXTURE_ACCOUNTS);
    });
  });

  it('says so when the export is of a newer format', async () => {
    const newerVault = JSON.stringify({ version: 2, header: {}, db: 'x' });
    expect((await expectInputRejection(() => importAegis(newerVault), 'import.aegis.newerVersion')).params).toEqual({
      part: 'vault',
      version: 2,
    });
    const newerDb = aegisPlainVault(aegisDb(entries, 4));
    expect((await expectInputRejection(() => importAegis(newerDb), 'import.aegis.newerVersion')).params).toEqual({
      part: 'db',
      version: 4,
    });
  });

  it.each([
    ['not JSON', '{"version":1,'],
    ['a JSON array', '[]'],
    ['no header', '{"version":1,"db":{"version":2,"entries":[]}}'],
    ['no version', '{"header":{"slots":null,"params":null},"db":{"version":2,"entries":[]}}'],
    ['entries not a list', '{"version":1,"header":{"slots":null,"params":null},"db":{"version":2,"entries":{}}}'],
    ['db neither object nor string', '{"version":1,"header":{"slots":null,"params":null},"db":7}'],
    ['encrypted with no slots list', '{"version":1,"header":{"slots":null,"params":null},"db":"AAAA"}'],
    [
      'a slot with hex that is not hex',
      JSON.stringify({
        version: 1,
        header: {
          slots: [{ type: 1, key: 'zz', key_params: { nonce: '00', tag: '00' }, n: 16384, r: 8, p: 1, salt: '00' }],
          params: { nonce: '00'.repeat(12), tag: '00'.repeat(16) },
        },
        db: randomBytes(40).toString('base64'),
      }),
    ],
  ])('refuses a damaged export: %s', async (_name, text) => {
    await expectInputRejection(() => importAegis(text, 'pw'), 'import.aegis.malformed');
  });
});
