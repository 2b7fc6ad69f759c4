import { describe, expect, it } from 'vitest';
import { importUriList } from '../../../../node/importers';
import { decodeMigrationUri } from '../../../../shared/otp';
import { FIXTURE_ACCOUNTS, fixtureUri } from '../../../fixtures/import/generate';
import { useImportFixtures } from './helpers';

const readFixture = useImportFixtures();

/**
 * A Google Authenticator export QR, built here byte by byte from the protobuf schema
 * (MigrationPayload: 1 otp_parameters, 2 version, 3 batch_size, 4 batch_index, 5 batch_id;
 * OtpParameters: 1 secret, 2 name, 3 issuer, 4 algorithm, 5 digits, 6 type). Small values only:
 * every length and number fits in one byte.
 */
function migrationUri(accounts: [secret: string, name: string, issuer: string][], size = 1, index = 0, id = 0): string {
  const field = (tag: number, bytes: Buffer) => Buffer.concat([Buffer.from([(tag << 3) | 2, bytes.length]), bytes]);
  const varint = (tag: number, value: number) => Buffer.from([tag << 3, value]);
  const otp = ([secret, name, issuer]: [string, string, string]) =>
    Buffer.concat([
      field(1, Buffer.from(secret, 'latin1')),
      field(2, Buffer.from(name, 'utf8')),
      field(3, Buffer.from(issuer, 'utf8')),
      varint(4, 1), // SHA1
      varint(5, 1), // six digits
      varint(6, 2), // TOTP
    ]);
  const payload = Buffer.concat([
    ...accounts.map((account) => field(1, otp(account))),
    varint(2, 1),
    varint(3, size),
    varint(4, index),
    varint(5, id),
  ]);
  return `otpauth-migration://offline?data=${encodeURIComponent(payload.toString('base64'))}`;
}

const ANN: [string, string, string] = ['Hello!\xde\xad\xbe\xef', 'Google:ann@example.com', 'Google'];
const BOB: [string, string, string] = ['0123456789', 'bob', ''];

describe('importUriList', () => {
  it('reads every otpauth link of a list with comments, blank lines and CRLF line ends', async () => {
    const text = (await readFixture('uriList')).toString('utf8');
    expect(importUriList(text)).toEqual({ accounts: FIXTURE_ACCOUNTS, skipped: [] });
  });

  it('expands a Google Authenticator export line into its accounts, after the links', () => {
    const uri = migrationUri([ANN, BOB]);
    const result = importUriList(`${uri}\n${fixtureUri(FIXTURE_ACCOUNTS[0]!)}\n`);
    expect(result.skipped).toEqual([]);
    expect(result.accounts).toEqual([FIXTURE_ACCOUNTS[0], ...decodeMigrationUri(uri).accounts]);
    expect(result.accounts.slice(1).map((p) => [p.issuer, p.account])).toEqual([
      ['Google', 'ann@example.com'],
      ['', 'bob'],
    ]);
  });

  it('assembles a multi-part export whose parts are in any order, and keeps exports apart', () => {
    const [part1, part2] = [migrationUri([ANN], 2, 0, 7), migrationUri([BOB], 2, 1, 7)];
    const other = migrationUri([BOB], 1, 0, 9);
    const result = importUriList([part2, other, part1].join('\n'));
    expect(result.skipped).toEqual([]);
    expect(result.accounts.map((p) => p.account)).toEqual(['ann@example.com', 'bob', 'bob']);
  });

  it('skips an export with a part missing, at its first line, and imports the rest', () => {
    const text = [fixtureUri(FIXTURE_ACCOUNTS[0]!), migrationUri([ANN], 3, 0, 7), migrationUri([BOB], 3, 2, 7)].join('\n');
    const result = importUriList(text);
    expect(result.accounts).toEqual([FIXTURE_ACCOUNTS[0]]);
    expect(result.skipped).toEqual([{ position: 2, label: '', key: 'otp.migrationIncomplete', params: { scanned: 2, total: 3 } }]);
  });

  it('skips lines that are not links or do not parse, by line number, never quoting the line', () => {
    const text = [
      fixtureUri(FIXTURE_ACCOUNTS[0]!),
      'https://example.com/login',
      '   # an indented comment',
      'otpauth://totp/Bad?secret=NOT*BASE32',
      'otpauth://totp/%2?secret=JBSWY3DP',
      'otpauth-migration://offline?data=%%%',
      `  ${fixtureUri(FIXTURE_ACCOUNTS[3]!)}  `,
    ].join('\n');
    const result = importUriList(text);
    expect(result.accounts).toEqual([FIXTURE_ACCOUNTS[0], FIXTURE_ACCOUNTS[3]]);
    expect(result.skipped.map(({ position, label }) => ({ position, label }))).toEqual([
      { position: 2, label: '' },
      { position: 4, label: '' },
      { position: 5, label: '' },
      { position: 6, label: '' },
    ]);
    expect(result.skipped.map((s) => s.key)).toEqual([
      'import.lineNotOtpauth',
      'otp.secretNotBase32',
      'otp.percentEscapeInvalid',
      expect.stringMatching(/^otp\./),
    ]);
  });

  it('gives nothing for an empty text or only comments', () => {
    expect(importUriList('')).toEqual({ accounts: [], skipped: [] });
    expect(importUriList('# nothing\n\n   \n')).toEqual({ accounts: [], skipped: [] });
  });
});
