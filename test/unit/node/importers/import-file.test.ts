import { describe, expect, it } from 'vitest';
import { encryptBackup } from '../../../../node/backup';
import { detectImportFormat, IMPORT_FORMATS, importFile } from '../../../../node/importers';
import { MAX_IMPORT_BYTES } from '../../../../node/importers/text';
import { FIXTURE_ACCOUNTS, FIXTURE_PASSWORD, TWOFAS_FIXTURE_ACCOUNTS } from '../../../fixtures/import/generate';
import { expectInputRejection, useImportFixtures } from './helpers';

const readFixture = useImportFixtures();
const backup = await encryptBackup([...FIXTURE_ACCOUNTS], FIXTURE_PASSWORD, { createdAt: 1_700_000_000_000, scryptN: 2 ** 14 });

describe('detectImportFormat', () => {
  it.each([
    ['aegisPlain', 'aegis-plain'],
    ['aegisEncrypted', 'aegis-encrypted'],
    ['twofasPlain', 'twofas'],
    ['twofasEncrypted', 'twofas'],
    ['uriList', 'uri-list'],
  ] as const)('recognises the generated %s file as %s', async (file, format) => {
    expect(detectImportFormat(await readFixture(file))).toBe(format);
  });

  it('recognises a Tweestap backup by its first bytes', async () => {
    expect(detectImportFormat(backup)).toBe('tweestap-backup');
  });

  it('recognises a URI list behind a UTF-8 byte-order mark', async () => {
    expect(detectImportFormat(Buffer.from('\ufeff# mine\notpauth://totp/a?secret=JBSWY3DP\n'))).toBe('uri-list');
  });

  it.each([
    ['an empty file', Buffer.alloc(0)],
    ['plain prose', Buffer.from('Dear diary, no links here.')],
    ['other JSON', Buffer.from('{"accounts":[]}')],
    ['broken JSON', Buffer.from('{"header":')],
    ['invalid UTF-8', Buffer.from([0x6f, 0x74, 0xff, 0xfe, 0x00])],
    ['a PNG header', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')],
  ])('answers unknown for %s', async (_name, bytes) => {
    expect(detectImportFormat(bytes)).toBe('unknown');
  });

  it('only answers the listed formats', async () => {
    expect(IMPORT_FORMATS).toContain(detectImportFormat(Buffer.from('x')));
  });
});

describe('importFile', () => {
  it.each([
    ['aegisPlain', 'aegis-plain', FIXTURE_ACCOUNTS],
    ['aegisEncrypted', 'aegis-encrypted', FIXTURE_ACCOUNTS],
    ['twofasPlain', 'twofas', TWOFAS_FIXTURE_ACCOUNTS],
    ['twofasEncrypted', 'twofas', TWOFAS_FIXTURE_ACCOUNTS],
    ['uriList', 'uri-list', FIXTURE_ACCOUNTS],
  ] as const)('imports every account of the generated %s file', async (file, format, accounts) => {
    expect(await importFile(await readFixture(file), FIXTURE_PASSWORD)).toEqual({ format, accounts, skipped: [] });
  });

  it('restores a Tweestap backup with its creation time', async () => {
    expect(await importFile(backup, FIXTURE_PASSWORD)).toEqual({
      format: 'tweestap-backup',
      createdAt: 1_700_000_000_000,
      accounts: FIXTURE_ACCOUNTS,
      skipped: [],
    });
  });

  it('asks for a password for every encrypted kind', async () => {
    for (const bytes of [backup, await readFixture('aegisEncrypted'), await readFixture('twofasEncrypted')]) {
      await expectInputRejection(() => importFile(bytes), 'import.passwordRequired');
    }
  });

  it('passes on the backup errors (wrong password)', async () => {
    await expectInputRejection(() => importFile(backup, 'wrong'), 'backup.wrongPassword');
  });

  it('refuses an unknown file, an empty list and a file too large to be an export', async () => {
    await expectInputRejection(() => importFile(Buffer.from('hello')), 'import.unknownFormat');
    await expectInputRejection(() => importFile(Buffer.from('{"services":[]}')), 'import.noAccounts');
    const huge = Buffer.alloc(MAX_IMPORT_BYTES + 1, 'otpauth://totp/a?secret=JBSWY3DP\n');
    await expectInputRejection(() => importFile(huge), 'backup.tooLarge');
  });
});
