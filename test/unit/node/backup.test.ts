import { createCipheriv, randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCRYPT_N,
  decryptBackup,
  deriveBackupKey,
  encryptBackup,
  openBackupEnvelope,
  readBackupEnvelope,
} from '../../../node/backup';
import { TweestapError } from '../../../shared/errors';
import { translate, type MessageKey } from '../../../shared/i18n';
import type { OtpParams } from '../../../shared/otp/types';
import { FIXTURE_ACCOUNTS } from '../../fixtures/import/generate';
import { rejectionOf } from './importers/helpers';

const PASSWORD = 'Zeer geheim wachtwoord 42!';
/** The lowest cost the reader accepts: keeps these tests fast. One test uses the default. */
const TEST_N = 2 ** 14;
const CREATED_AT = Date.UTC(2025, 0, 2, 3, 4, 5);
const ACCOUNTS: OtpParams[] = [...FIXTURE_ACCOUNTS];

function backupOf(accounts: OtpParams[] = ACCOUNTS, password = PASSWORD): Promise<Buffer> {
  return encryptBackup(accounts, password, { createdAt: CREATED_AT, scryptN: TEST_N });
}


/** Asserts that an error is the input error `key` and shows neither the password nor a secret. */
function expectRejected(error: TweestapError, key?: MessageKey): void {
  expect(error.kind).toBe('input');
  if (key) expect(error.key).toBe(key);
  for (const text of [error.message, translate('nl', error.key, error.params)]) {
    expect(text).not.toContain(PASSWORD);
    for (const { secret } of ACCOUNTS) expect(text).not.toContain(secret);
  }
}

/** The header line as an object, and a file with `edit` applied to it (not re-encrypted). */
function headerOf(file: Buffer): Record<string, unknown> {
  return JSON.parse(file.subarray(0, file.indexOf(0x0a)).toString('ascii')) as Record<string, unknown>;
}
interface EditableHeader {
  [member: string]: unknown;
  kdf: Record<string, unknown>;
  cipher: Record<string, unknown>;
}
function withHeader(file: Buffer, edit: (header: EditableHeader) => EditableHeader | void): Buffer {
  const original = headerOf(file) as EditableHeader;
  const header = edit(original) ?? original;
  return Buffer.concat([Buffer.from(JSON.stringify(header), 'ascii'), file.subarray(file.indexOf(0x0a))]);
}

/**
 * A backup with arbitrary plaintext, sealed by this test per docs/backup-format.md (an
 * independent writer, so the reader's content checks can be reached).
 */
function sealPlaintext(plaintext: string): Buffer {
  const salt = randomBytes(32);
  const nonce = randomBytes(12);
  const header = Buffer.from(
    JSON.stringify({
      format: 'tweestap-backup',
      version: 1,
      kdf: { name: 'scrypt', N: TEST_N, r: 8, p: 1, salt: salt.toString('base64') },
      cipher: { name: 'aes-256-gcm', nonce: nonce.toString('base64') },
    }),
  );
  const key = scryptSync(Buffer.from(PASSWORD, 'utf8'), salt, 32, { N: TEST_N, r: 8, p: 1 });
  const cipher = createCipheriv('aes-256-gcm', key, nonce).setAAD(header);
  const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return Buffer.from(`${header.toString('ascii')}\n${sealed.toString('base64')}\n`, 'ascii');
}

describe('encryptBackup and decryptBackup', () => {
  it('give back every account and the creation time', async () => {
    const restored = await decryptBackup(await backupOf(), PASSWORD);
    expect(restored).toEqual({ createdAt: CREATED_AT, accounts: ACCOUNTS });
  });

  it('round-trip an empty account list and a non-ASCII password', async () => {
    expect((await decryptBackup(await backupOf([], 'wachtwoord ✓ ÆØÅ'), 'wachtwoord ✓ ÆØÅ')).accounts).toEqual([]);
  });

  it('accept the same password typed in another Unicode normal form', async () => {
    const composed = 'caf\u00e9';
    const decomposed = 'cafe\u0301';
    expect((await decryptBackup(await backupOf(ACCOUNTS, composed), decomposed)).accounts).toEqual(ACCOUNTS);
  });

  it('store canonical accounts only: no extra fields, secret normalised', async () => {
    const loose = { ...ACCOUNTS[0]!, secret: 'jbsw y3dp-ehpk 3pxp', id: 'vault-id', note: 'x' } as OtpParams;
    const [restored] = (await decryptBackup(await backupOf([loose]), PASSWORD)).accounts;
    expect(restored).toEqual({ ...ACCOUNTS[0]!, secret: 'JBSWY3DPEHPK3PXP' });
  });

  it('write the documented header: format, version 1, scrypt r 8 p 1, 256-bit salt, 96-bit nonce', async () => {
    const header = headerOf(await backupOf());
    expect(header).toEqual({
      format: 'tweestap-backup',
      version: 1,
      kdf: { name: 'scrypt', N: TEST_N, r: 8, p: 1, salt: expect.any(String) },
      cipher: { name: 'aes-256-gcm', nonce: expect.any(String) },
    });
    const { kdf, cipher } = header as { kdf: { salt: string }; cipher: { nonce: string } };
    expect(Buffer.from(kdf.salt, 'base64')).toHaveLength(32);
    expect(Buffer.from(cipher.nonce, 'base64')).toHaveLength(12);
  });

  it('use a fresh salt and nonce every time', async () => {
    const [a, b] = await Promise.all([backupOf(), backupOf()]);
    expect(headerOf(a)).not.toEqual(headerOf(b));
    expect(a.subarray(a.indexOf(0x0a))).not.toEqual(b.subarray(b.indexOf(0x0a)));
  });

  it('never write a secret, a label or the password in clear', async () => {
    const text = (await backupOf()).toString('latin1');
    for (const p of ACCOUNTS) {
      expect(text).not.toContain(p.secret);
      if (p.account) expect(text).not.toContain(p.account);
    }
    expect(text).not.toContain(PASSWORD);
  });

  it('default to scrypt N = 2^17 and read such a file', { timeout: 30_000 }, async () => {
    expect(DEFAULT_SCRYPT_N).toBe(2 ** 17);
    const file = await encryptBackup(ACCOUNTS, PASSWORD, { createdAt: CREATED_AT });
    expect((headerOf(file).kdf as { N: number }).N).toBe(2 ** 17);
    expect((await decryptBackup(file, PASSWORD)).accounts).toEqual(ACCOUNTS);
  });

  it('is exactly read, derive and open (what the exhaustive tests below rely on)', async () => {
    const file = await backupOf();
    const envelope = readBackupEnvelope(file);
    expect(openBackupEnvelope(envelope, await deriveBackupKey(envelope, PASSWORD))).toEqual(await decryptBackup(file, PASSWORD));
  });
});

describe('encryptBackup refuses', () => {
  it('an empty password', async () => {
    expectRejected(await rejectionOf(() => backupOf(ACCOUNTS, '')), 'backup.passwordEmpty');
  });

  it('an invalid account, naming its place and not its secret', async () => {
    const bad = { ...ACCOUNTS[1]!, digits: 9 } as unknown as OtpParams;
    const error = await rejectionOf(() => backupOf([ACCOUNTS[0]!, bad]));
    expectRejected(error, 'backup.accountInvalid');
    expect(error.params).toEqual({ index: 2 });
  });

  it.each([-1, 1.5, Number.NaN])('a creation time of %s', async (createdAt) => {
    expectRejected(await rejectionOf(() => encryptBackup(ACCOUNTS, PASSWORD, { createdAt, scryptN: TEST_N })), 'otp.timeInvalid');
  });

  it('more accounts than a backup may hold (the reader would refuse the file)', async () => {
    const many = Array.from({ length: 10_001 }, () => ACCOUNTS[0]!);
    expectRejected(await rejectionOf(() => backupOf(many)), 'backup.tooManyAccounts');
  });

  it.each([2 ** 13, 2 ** 14 + 1, 2 ** 21])('a cost N = %i outside the safe range', async (scryptN) => {
    expectRejected(await rejectionOf(() => encryptBackup(ACCOUNTS, PASSWORD, { scryptN })), 'backup.unsafeKdf');
  });
});

const file = await backupOf();

describe('decryptBackup refuses, with a clear message', () => {

  it('a wrong password', async () => {
    expectRejected(await rejectionOf(() => decryptBackup(file, 'Zeer geheim wachtwoord 43!')), 'backup.wrongPassword');
    expectRejected(await rejectionOf(() => decryptBackup(file, '')), 'backup.wrongPassword');
    expect(translate('en', 'backup.wrongPassword')).toMatch(/wrong password, or .* changed/i);
  });

  it.each([
    ['an empty file', ''],
    ['an Aegis export', '{"version":1,"header":{"slots":null,"params":null},"db":{"version":2,"entries":[]}}'],
    ['a URI list', 'otpauth://totp/x?secret=JBSWY3DP\n'],
    ['random bytes', randomBytes(300).toString('latin1')],
  ])('%s as not a Tweestap backup', async (_name, text) => {
    expectRejected(await rejectionOf(() => decryptBackup(Buffer.from(text, 'latin1'), PASSWORD)), 'backup.notBackup');
  });

  it('a file made by a newer Tweestap, saying so, even if the rest is unfamiliar', async () => {
    const newer = withHeader(file, (h) => {
      h.version = 2;
      h.kdf = { name: 'argon2id', m: 65536 };
    });
    const error = await rejectionOf(() => decryptBackup(newer, PASSWORD));
    expectRejected(error, 'backup.newerVersion');
    expect(error.params).toEqual({ version: 2 });
    expect(error.message).toMatch(/newer Tweestap.*Update/);
  });

  it.each([
    ['N below 2^14', { N: 2 ** 13 }],
    ['N not a power of two', { N: 2 ** 17 + 1 }],
    ['N of 2^30 (128 GiB)', { N: 2 ** 30 }],
    ['r of 1000', { r: 1000 }],
    ['p of 1000', { p: 1000 }],
    ['N·r needing more than 1 GiB', { N: 2 ** 20, r: 16 }],
    ['r of 0', { r: 0 }],
  ])('cost settings that are unsafe or a denial of service: %s', async (_name, kdf) => {
    const hostile = withHeader(file, (h) => {
      Object.assign(h.kdf, kdf);
    });
    expectRejected(await rejectionOf(() => decryptBackup(hostile, PASSWORD)), 'backup.unsafeKdf');
  });

  it.each([
    ['an unknown cipher', (h: EditableHeader) => void (h.cipher.name = 'aes-128-gcm')],
    ['an extra header field', (h: EditableHeader) => void (h.comment = 'hi')],
    ['a short salt', (h: EditableHeader) => void (h.kdf.salt = Buffer.alloc(16).toString('base64'))],
    ['a fractional N', (h: EditableHeader) => void (h.kdf.N = 16384.5)],
    ['version 0', (h: EditableHeader) => void (h.version = 0)],
  ])('a header with %s as damaged', async (_name, edit) => {
    expectRejected(await rejectionOf(() => decryptBackup(withHeader(file, edit), PASSWORD)), 'backup.damaged');
  });

  it('a header changed in a way that still parses (the header is authenticated)', async () => {
    const otherNonce = withHeader(file, (h) => {
      h.cipher.nonce = randomBytes(12).toString('base64');
    });
    expectRejected(await rejectionOf(() => decryptBackup(otherNonce, PASSWORD)), 'backup.wrongPassword');
    // The same values in another order: other bytes, so other additional data.
    const reordered = withHeader(file, ({ kdf, ...rest }) => ({ ...rest, kdf }));
    expectRejected(await rejectionOf(() => decryptBackup(reordered, PASSWORD)), 'backup.wrongPassword');
  });

  it('every truncation, at every length, as cut off (or not a backup when empty)', async () => {
    for (let length = 0; length < file.length; length += 1) {
      const error = await rejectionOf(() => decryptBackup(file.subarray(0, length), PASSWORD));
      expectRejected(error, length === 0 ? 'backup.notBackup' : 'backup.truncated');
    }
  });

  // About 100 of the changes alter the salt and so cost a scrypt run each: seconds, not minutes.
  it('every single-byte change of header and body', { timeout: 60_000 }, async () => {
    const original = readBackupEnvelope(file);
    const key = await deriveBackupKey(original, PASSWORD);
    const keys = new Map<string, number>();
    for (let index = 0; index < file.length; index += 1) {
      for (const mask of [0x01, 0x20, 0x80]) {
        const changed = Buffer.from(file);
        changed[index]! ^= mask;
        const error = await rejectionOf(() => {
          const envelope = readBackupEnvelope(changed);
          const sameKdf = envelope.kdf.salt.equals(original.kdf.salt) && envelope.kdf.N === original.kdf.N;
          // Deriving the key once for every change that keeps the salt and cost saves minutes;
          // decryptBackup is exactly these three steps (tested above).
          return sameKdf && envelope.kdf.r === original.kdf.r && envelope.kdf.p === original.kdf.p
            ? openBackupEnvelope(envelope, key)
            : decryptBackup(changed, PASSWORD);
        });
        expectRejected(error);
        keys.set(error.key, (keys.get(error.key) ?? 0) + 1);
      }
    }
    // Changes are caught at every stage: the layout, the header's checks, and GCM.
    expect([...keys.keys()]).toEqual(expect.arrayContaining(['backup.notBackup', 'backup.damaged', 'backup.wrongPassword']));
  });

  it.each([
    ['not JSON', 'not json'],
    ['no accounts member', JSON.stringify({ createdAt: 1 })],
    ['an unknown member', JSON.stringify({ createdAt: 1, accounts: [], extra: true })],
  ])('decrypted content that is %s', async (_name, plaintext) => {
    const error = await rejectionOf(() => decryptBackup(sealPlaintext(plaintext), PASSWORD));
    expectRejected(error, 'backup.contentInvalid');
    expect(error.params).toEqual({ index: 0 });
  });

  it.each([['U+202E', '\u202E'], ['a zero-width space', '\u200B'], ['ESC', '\u001B'], ['LF', '\n']])(
    'refuses a decrypted account whose name holds %s, saying so (issue 12.4)',
    async (_name, char) => {
      const accounts = [ACCOUNTS[0], { ...ACCOUNTS[1], issuer: `Nse-Portal${char}` }];
      expectRejected(await rejectionOf(() => decryptBackup(sealPlaintext(JSON.stringify({ createdAt: 1, accounts })), PASSWORD)), 'otp.labelHiddenCharacter');
    },
  );

  it('names an account stored with a hidden character when asked to back it up (rename it first)', async () => {
    expectRejected(await rejectionOf(() => backupOf([ACCOUNTS[0]!, { ...ACCOUNTS[1]!, account: 'x\u202E' }])), 'otp.labelHiddenCharacter');
  });

  it.each([
    ['a secret that is not Base32', { secret: 'not base32!' }],
    ['an unknown algorithm', { algorithm: 'MD5' }],
    ['digits as text', { digits: '6' }],
    ['an extra field', { id: 'x' }],
  ])('a decrypted account with %s, naming its place', async (_name, change) => {
    const accounts = [ACCOUNTS[0], { ...ACCOUNTS[1], ...change }];
    const error = await rejectionOf(() => decryptBackup(sealPlaintext(JSON.stringify({ createdAt: 1, accounts })), PASSWORD));
    expectRejected(error, 'backup.contentInvalid');
    expect(error.params).toEqual({ index: 2 });
  });

  it('accepts content sealed by an independent writer that follows the documentation', async () => {
    const plaintext = JSON.stringify({ createdAt: CREATED_AT, accounts: ACCOUNTS });
    expect(await decryptBackup(sealPlaintext(plaintext), PASSWORD)).toEqual({ createdAt: CREATED_AT, accounts: ACCOUNTS });
  });
});

describe('bounded cost (issue 12.6)', () => {
  /** A file whose header asks for other cost settings (not re-encrypted: refused before that matters). */
  const costing = (kdf: Record<string, number>) =>
    withHeader(file, (h) => {
      Object.assign(h.kdf, kdf);
    });

  it.each([
    ['N 2^20, r 8, p 16 (was accepted: 47.6 s and 1.1 GB before "wrong password")', { N: 2 ** 20, r: 8, p: 16 }],
    ['N 2^17, r 8, p 4 (memory in range, work four times a backup)', { N: 2 ** 17, r: 8, p: 4 }],
    ['N 2^19, r 8, p 1 (512 MiB)', { N: 2 ** 19, r: 8, p: 1 }],
  ])('refuses %s when reading the header, before any key is derived', (_name, kdf) => {
    const hostile = costing(kdf);
    expect(hostile.indexOf(0x0a)).toBeLessThan(300);
    // readBackupEnvelope never runs scrypt: the refusal comes before any cost is paid.
    expectRejected(errorOfSync(() => readBackupEnvelope(hostile)), 'backup.unsafeKdf');
  });

  it('accepts the cost Tweestap writes, and twice its work (N 2^17, r 8, p 2)', () => {
    expect(readBackupEnvelope(costing({ N: 2 ** 17, r: 8, p: 2 })).kdf).toMatchObject({ N: 2 ** 17, r: 8, p: 2 });
  });

  it('derives the key off the event loop: timers keep firing while scrypt runs', { timeout: 30_000 }, async () => {
    const slow = await encryptBackup(ACCOUNTS, PASSWORD, { createdAt: CREATED_AT, scryptN: 2 ** 16 });
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 1);
    try {
      await decryptBackup(slow, PASSWORD);
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(0);
  });

  it('round-trips the documented maximum: 5,000 accounts with 256-character labels (a body far over 4.5 MB)', { timeout: 60_000 }, async () => {
    const label = (i: number, who: string) => `${who} ${i} ${'é'.repeat(256)}`.slice(0, 256);
    const many = Array.from({ length: 5_000 }, (_, i) => ({ ...ACCOUNTS[0]!, issuer: label(i, 'Uitgever'), account: label(i, 'gebruiker') }));
    const big = await backupOf(many);
    expect(big.length).toBeGreaterThan(6 * 1024 * 1024);
    expect((await decryptBackup(big, PASSWORD)).accounts).toEqual(many);
  });
});

/** The TweestapError a synchronous `run` throws. */
function errorOfSync(run: () => unknown): TweestapError {
  try {
    run();
  } catch (error) {
    if (error instanceof TweestapError) return error;
    throw error;
  }
  throw new Error('expected a TweestapError');
}
