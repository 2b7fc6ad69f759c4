import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MessageKey } from '../../../../shared/i18n';
import { translate } from '../../../../shared/i18n';
import {
  MigrationBatch,
  decodeMigrationUri,
  encodeMigrationUris,
  migrationImportWarnings,
  migrationPeriodWarnings,
  secretFromBytes,
  validateOtpParams,
  type OtpParams,
} from '../../../../shared/otp';
import { migrationPayloadBytes, migrationUri, type FixtureAccount } from '../../../fixtures/otp/migration-payload';
import { inputError, totpAccount, visibleTexts } from './helpers';

const KEY = Uint8Array.from([0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x21, 0xde, 0xad, 0xbe, 0xef]); // JBSWY3DPEHPK3PXP
const TOTP = 2;
const HOTP = 1;

/** A single-account payload with Google's usual header (version 1, part 1 of 1). */
function single(account: FixtureAccount, header: { batchId?: number } = {}): string {
  return migrationUri({ accounts: [account], version: 1, batchSize: 1, batchIndex: 0, batchId: header.batchId ?? 12345 });
}

describe('decodeMigrationUri', () => {
  // Public vector from GNOME Authenticator's Google-backup test (also used by several other
  // importers): Discord / johndoe@example.com, exactly as Google Authenticator wrote it — note
  // the raw `/` next to the escaped `+` and `=`.
  const GNOME_VECTOR =
    'otpauth-migration://offline?data=CjYKEExyJfPiZeroMa/MdF%2BnkTISE2pvaG5kb2VAZXhhbXBsZS5jb20aB0Rpc2NvcmQgASgBMAIQARgBIAA%3D';
  const DISCORD = { type: 'totp', issuer: 'Discord', account: 'johndoe@example.com', secret: 'JRZCL47CMXVOQMNPZR2F7J4RGI', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 };

  it('decodes a real Google Authenticator export', () => {
    expect(decodeMigrationUri(GNOME_VECTOR)).toEqual({ version: 1, batchSize: 1, batchIndex: 0, batchId: 0, accounts: [DISCORD] });
  });

  it('decodes the same export with raw + and = in data, and with + mangled into a space', () => {
    const raw = GNOME_VECTOR.replace('%2B', '+').replace('%3D', '=');
    expect(raw).toMatch(/data=[A-Za-z0-9/+]+=$/);
    expect(decodeMigrationUri(raw).accounts).toEqual([DISCORD]);
    expect(decodeMigrationUri(raw.replace('+', ' ')).accounts).toEqual([DISCORD]);
  });

  it('decodes data with every byte value, raw or percent-encoded, and a raw + stays a plus', () => {
    // 0xFB 0xFF … in the secret puts `+` and `/` in the Base64.
    const secret = Uint8Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? 0xfb : 0xff - i));
    const payload = { accounts: [{ secret, name: 'a', type: TOTP }], version: 1, batchSize: 1 };
    const raw = migrationUri(payload, 'raw');
    expect(raw).toContain('+');
    expect(raw).toContain('/');
    for (const uri of [raw, migrationUri(payload, 'percent')]) {
      expect(decodeMigrationUri(uri).accounts[0]?.secret).toBe(secretFromBytes(secret));
    }
  });

  it.each<[string, FixtureAccount, Partial<OtpParams>]>([
    ['every field set', { secret: KEY, name: 'alice@example.com', issuer: 'ACME', algorithm: 3, digits: 2, type: TOTP },
      { issuer: 'ACME', account: 'alice@example.com', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA512', digits: 8, type: 'totp', period: 30 }],
    ['SHA256', { secret: KEY, name: 'a', algorithm: 2, type: TOTP }, { algorithm: 'SHA256' }],
    ['absent algorithm, digits and type (SHA1, 6, TOTP)', { secret: KEY, name: 'a' }, { algorithm: 'SHA1', digits: 6, type: 'totp', counter: 0 }],
    ['unspecified algorithm and digits written as 0', { secret: KEY, name: 'a', algorithm: 0, digits: 0, type: 0 },
      { algorithm: 'SHA1', digits: 6, type: 'totp' }],
    ['an issuer: prefix the name repeats', { secret: KEY, name: 'ACME:alice', issuer: 'ACME' }, { issuer: 'ACME', account: 'alice' }],
    ['an issuer: prefix with a space', { secret: KEY, name: 'ACME: alice', issuer: 'ACME' }, { issuer: 'ACME', account: 'alice' }],
    ['the issuer only in the name', { secret: KEY, name: 'ACME:alice' }, { issuer: 'ACME', account: 'alice' }],
    ['a colon in the name that is not the issuer', { secret: KEY, name: 'urn:team:alice', issuer: 'ACME' }, { issuer: 'ACME', account: 'urn:team:alice' }],
    ['UTF-8 names', { secret: KEY, name: 'Zoë Ålesund 山田 🔐', issuer: 'Bänk ✓' }, { issuer: 'Bänk ✓', account: 'Zoë Ålesund 山田 🔐' }],
    ['an HOTP counter', { secret: KEY, name: 'a', type: HOTP, counter: 17 }, { type: 'hotp', counter: 17 }],
    ['an HOTP counter past 2^32', { secret: KEY, name: 'a', type: HOTP, counter: 2 ** 32 + 5 }, { counter: 2 ** 32 + 5 }],
    ['the largest safe HOTP counter', { secret: KEY, name: 'a', type: HOTP, counter: '9007199254740991' }, { counter: Number.MAX_SAFE_INTEGER }],
    ['an HOTP account without counter', { secret: KEY, name: 'a', type: HOTP }, { type: 'hotp', counter: 0 }],
    ['a TOTP account with a stray counter', { secret: KEY, name: 'a', type: TOTP, counter: 99 }, { counter: 0 }],
    ['unknown fields inside the account', { secret: KEY, name: 'a', issuer: 'X', unknownFields: true }, { issuer: 'X', account: 'a' }],
    ['a one-byte secret', { secret: Uint8Array.of(0xff), name: 'a' }, { secret: '74' }],
  ])('decodes an account with %s', (_name, account, expected) => {
    const [decoded] = decodeMigrationUri(single(account)).accounts;
    expect(decoded).toMatchObject(expected);
  });

  it.each([-1, -2_147_483_648, 2_147_483_647, 0])('keeps batch id %i', (batchId) => {
    expect(decodeMigrationUri(single({ secret: KEY, name: 'a' }, { batchId })).batchId).toBe(batchId);
  });

  it('reads the batch header and tolerates unknown top-level fields', () => {
    const uri = migrationUri({ accounts: [{ secret: KEY, name: 'a' }, { secret: KEY, name: 'b' }], version: 1, batchSize: 3, batchIndex: 2, batchId: -99, unknownFields: true });
    const payload = decodeMigrationUri(uri);
    expect(payload).toMatchObject({ version: 1, batchSize: 3, batchIndex: 2, batchId: -99 });
    expect(payload.accounts.map((a) => a.account)).toEqual(['a', 'b']);
  });

  it('treats an absent batch size as a single QR', () => {
    expect(decodeMigrationUri(migrationUri({ accounts: [{ secret: KEY, name: 'a' }] }))).toMatchObject({ version: 0, batchSize: 1, batchIndex: 0, batchId: 0 });
  });

  const NAMED = { secret: KEY, name: 'alice', issuer: 'ACME' };
  it.each<[string, string, MessageKey]>([
    ['MD5', single({ ...NAMED, algorithm: 4 }), 'otp.migrationAlgorithmUnsupported'],
    ['an unknown algorithm', single({ ...NAMED, algorithm: 9 }), 'otp.migrationAlgorithmUnsupported'],
    ['an unknown digit count', single({ ...NAMED, digits: 3 }), 'otp.migrationDigitsUnknown'],
    ['an unknown type', single({ ...NAMED, type: 5 }), 'otp.migrationTypeUnknown'],
    ['an empty secret', single({ name: 'alice', issuer: 'ACME' }), 'otp.secretEmpty'],
    ['a negative HOTP counter', single({ ...NAMED, type: HOTP, counter: -1 }), 'otp.counterInvalid'],
    ['an HOTP counter past 2^53', single({ ...NAMED, type: HOTP, counter: '9007199254740993' }), 'otp.counterInvalid'],
    ['no accounts', migrationUri({ accounts: [], version: 1, batchSize: 1 }), 'otp.migrationEmpty'],
    ['a part number beyond the size', migrationUri({ accounts: [NAMED], batchSize: 2, batchIndex: 2 }), 'otp.migrationPartInvalid'],
    ['a negative part number', migrationUri({ accounts: [NAMED], batchSize: 2, batchIndex: -1 }), 'otp.migrationPartInvalid'],
    ['a negative size', migrationUri({ accounts: [NAMED], batchSize: -2 }), 'otp.migrationPartInvalid'],
    ['Base64 padding after a complete quad', 'otpauth-migration://offline?data=vGuf=', 'otp.migrationMalformed'],
    ['Base64 padding that does not complete a quad', 'otpauth-migration://offline?data=Zf9K=', 'otp.migrationMalformed'],
    ['bytes that are not protobuf', migrationUri(Uint8Array.of(0xff, 0xff, 0xff, 0xff)), 'otp.migrationMalformed'],
    ['an account sent as a number (wrong wire type)', migrationUri(Uint8Array.of(0x08, 0x01)), 'otp.migrationMalformed'],
    ['an algorithm sent as bytes (wrong wire type)', migrationUri(Uint8Array.of(0x0a, 0x03, 0x22, 0x01, 0x00)), 'otp.migrationMalformed'],
    ['an account longer than the data', migrationUri(Uint8Array.of(0x0a, 0x09, 0x12, 0x01, 0x61)), 'otp.migrationMalformed'],
    ['a truncated payload', migrationUri(migrationPayloadBytes({ accounts: [NAMED] }).subarray(0, 9)), 'otp.migrationMalformed'],
    ['data that is not Base64', 'otpauth-migration://offline?data=not*base64!', 'otp.migrationMalformed'],
    ['Base64 of impossible length', 'otpauth-migration://offline?data=CjEKC', 'otp.migrationMalformed'],
    ['a broken %-escape in data', 'otpauth-migration://offline?data=CjEK%2', 'otp.percentEscapeInvalid'],
    ['no data', 'otpauth-migration://offline?foo=bar', 'otp.migrationDataMissing'],
    ['empty data', 'otpauth-migration://offline?data=', 'otp.migrationDataMissing'],
    ['another host', 'otpauth-migration://online?data=CjEK', 'otp.migrationMalformed'],
    ['a single-account link', 'otpauth://totp/a?secret=JBSWY3DPEHPK3PXP', 'otp.notMigration'],
    ['a web link', 'https://example.com/', 'otp.notOtpauth.webLink'],
  ])('rejects %s', (_name, uri, key) => {
    const error = inputError(() => decodeMigrationUri(uri));
    expect(error.key).toBe(key);
    for (const text of visibleTexts(error)) expect(text).not.toContain('JBSWY3DP');
  });

  it('names the account it cannot import, in both languages', () => {
    const error = inputError(() => decodeMigrationUri(single({ ...NAMED, algorithm: 4 })));
    expect(error.message).toBe('“ACME (alice)” uses the MD5 algorithm, which Tweestap does not support.');
    expect(translate('nl', error.key, error.params)).toContain('ACME (alice)');
  });

  it('never throws anything but a TweestapError for random data', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        try {
          decodeMigrationUri(migrationUri(bytes));
        } catch (error) {
          expect(error).toHaveProperty('name', 'TweestapError');
        }
      }),
      { numRuns: 3000, seed: 5 },
    );
  });
});

describe('encodeMigrationUris', () => {
  const labelText = fc
    .array(fc.oneof(fc.constantFrom(':', ' ', '+', '/', '%'), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 8 })
    .map((parts) => parts.join('').trim());
  const account = fc.record({
    type: fc.constantFrom('totp' as const, 'hotp' as const),
    issuer: labelText,
    account: labelText,
    secret: fc.uint8Array({ minLength: 1, maxLength: 64 }).map(secretFromBytes),
    algorithm: fc.constantFrom('SHA1' as const, 'SHA256' as const, 'SHA512' as const),
    digits: fc.constantFrom(6 as const, 8 as const),
    period: fc.constant(30),
    counter: fc.maxSafeNat(),
  }).map(validateOtpParams);

  it('round-trips any accounts through decodeMigrationUri and a MigrationBatch, in any part order', () => {
    fc.assert(
      fc.property(
        fc.array(account, { minLength: 1, maxLength: 25 }),
        fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 10 }),
        fc.boolean(),
        (accounts, batchId, perQr, reverse) => {
          const uris = encodeMigrationUris(accounts, { batchId, perQr });
          expect(uris).toHaveLength(Math.ceil(accounts.length / perQr));
          const batch = new MigrationBatch();
          for (const uri of reverse ? [...uris].reverse() : uris) batch.add(decodeMigrationUri(uri));
          expect(batch.accounts()).toEqual(accounts);
        },
      ),
      { numRuns: 300, seed: 3 },
    );
  });

  it('writes Google’s header: version 1, size, index and the batch id', () => {
    const uris = encodeMigrationUris([totpAccount(), totpAccount({ account: 'b' }), totpAccount({ account: 'c' })], { batchId: -7, perQr: 2 });
    expect(uris.map((u) => decodeMigrationUri(u))).toMatchObject([
      { version: 1, batchSize: 2, batchIndex: 0, batchId: -7 },
      { version: 1, batchSize: 2, batchIndex: 1, batchId: -7 },
    ]);
    expect(uris[0]).toMatch(/^otpauth-migration:\/\/offline\?data=[A-Za-z0-9%]+$/);
  });

  it('writes names as Google does, `Issuer:account`', () => {
    const [uri] = encodeMigrationUris([totpAccount({ issuer: 'GitHub', account: 'alice' })], { batchId: 1 });
    const bytes = Buffer.from(decodeURIComponent(uri!.split('data=')[1]!), 'base64');
    expect(bytes.toString('latin1')).toContain('GitHub:alice');
  });

  it.each<[string, OtpParams[], { batchId: number; perQr?: number }, MessageKey]>([
    ['a 7-digit account', [totpAccount({ digits: 7 })], { batchId: 1 }, 'otp.migrationDigitsNotExportable'],
    ['no accounts', [], { batchId: 1 }, 'otp.migrationEmpty'],
    ['a batch id beyond 32 bits', [totpAccount()], { batchId: 2 ** 31 }, 'otp.migrationBatchIdInvalid'],
    ['a fractional batch id', [totpAccount()], { batchId: 1.5 }, 'otp.migrationBatchIdInvalid'],
    ['0 accounts per QR', [totpAccount()], { batchId: 1, perQr: 0 }, 'otp.migrationPerQrInvalid'],
    ['an invalid account', [totpAccount({ secret: '' })], { batchId: 1 }, 'otp.secretEmpty'],
  ])('rejects %s', (_name, accounts, options, key) => {
    expect(inputError(() => encodeMigrationUris(accounts, options)).key).toBe(key);
  });
});

describe('MigrationBatch', () => {
  const accounts = Array.from({ length: 25 }, (_, i) => totpAccount({ account: `user${i}@example.com` }));
  const parts = encodeMigrationUris(accounts, { batchId: -123_456, perQr: 10 }).map((uri) => decodeMigrationUri(uri));

  it('collects parts in any order, ignores repeats, and reports what is missing', () => {
    const batch = new MigrationBatch();
    expect(batch.progress()).toEqual({ complete: false, scanned: 0, total: 0, missing: [] });
    expect(batch.add(parts[2]!)).toEqual({ complete: false, scanned: 1, total: 3, missing: [0, 1] });
    expect(batch.add(parts[0]!)).toEqual({ complete: false, scanned: 2, total: 3, missing: [1] });
    expect(batch.add(parts[2]!)).toEqual({ complete: false, scanned: 2, total: 3, missing: [1] });
    expect(inputError(() => batch.accounts()).key).toBe('otp.migrationIncomplete');
    expect(batch.add(parts[1]!)).toEqual({ complete: true, scanned: 3, total: 3, missing: [] });
    expect(batch.accounts()).toEqual(accounts);
  });

  it('refuses a part of another export and keeps what it had', () => {
    const batch = new MigrationBatch();
    batch.add(parts[0]!);
    const other = decodeMigrationUri(encodeMigrationUris(accounts, { batchId: 1, perQr: 10 })[1]!);
    const resized = decodeMigrationUri(encodeMigrationUris(accounts, { batchId: -123_456, perQr: 5 })[1]!);
    expect(inputError(() => batch.add(other)).key).toBe('otp.migrationOtherBatch');
    expect(inputError(() => batch.add(resized)).key).toBe('otp.migrationOtherBatch');
    expect(batch.progress()).toEqual({ complete: false, scanned: 1, total: 3, missing: [1, 2] });
  });

  it('refuses a hand-made part with an impossible index', () => {
    expect(inputError(() => new MigrationBatch().add({ ...parts[0]!, batchIndex: 3 })).key).toBe('otp.migrationPartInvalid');
  });
});

describe('period warnings', () => {
  const SECRET = 'KRUGS4ZANFZSAYJAONSWG4TFOQ';
  const nse = totpAccount({ issuer: 'Nse-Portal', account: 'medewerker@hogeschool.nl', period: 20, secret: SECRET });
  const github = totpAccount({ issuer: 'GitHub', account: 'alice', secret: SECRET });
  const counter = totpAccount({ type: 'hotp', issuer: 'Bank', account: 'b', period: 60, secret: SECRET });

  it('warns on export for each TOTP account whose period is not 30, naming it', () => {
    const warnings = migrationPeriodWarnings([nse, github, counter]);
    expect(warnings).toEqual([{ key: 'otp.migrationPeriodExport', params: { name: 'Nse-Portal (medewerker@hogeschool.nl)', period: 20 } }]);
    const text = translate('nl', warnings[0]!.key, warnings[0]!.params);
    expect(text).toContain('20 seconden');
    expect(text).not.toContain(SECRET);
  });

  it('warns on import where a known account had another period (matched ignoring case)', () => {
    const imported = decodeMigrationUri(encodeMigrationUris([nse, github], { batchId: 1 })[0]!).accounts;
    expect(imported.map((a) => a.period)).toEqual([30, 30]);
    const known = [{ ...nse, issuer: 'NSE-PORTAL' }, github];
    expect(migrationImportWarnings(imported, known)).toEqual([
      { key: 'otp.migrationPeriodImport', params: { name: 'Nse-Portal (medewerker@hogeschool.nl)', period: 20 } },
    ]);
    expect(migrationImportWarnings(imported, [])).toEqual([]);
  });
});
