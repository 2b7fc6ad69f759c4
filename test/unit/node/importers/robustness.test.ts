/**
 * Random and half-valid input never escapes as anything but a TweestapError: every importer and
 * the backup reader either return a result or throw our typed error. (The long run with 100,000
 * cases belongs to the security benchmark; these few hundred run in npm test.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decryptBackup } from '../../../../node/backup';
import {
  detectImportFormat,
  import2fas,
  importAegis,
  importFile,
  importUriList,
} from '../../../../node/importers';
import { TweestapError } from '../../../../shared/errors';

const RUNS = 300;

/** Runs `read`; true when it returned (or resolved) or threw (or rejected with) a TweestapError of kind input. */
async function onlyTypedErrors(read: () => unknown): Promise<boolean> {
  try {
    await read();
    return true;
  } catch (error) {
    if (error instanceof TweestapError && error.kind === 'input') return true;
    throw error;
  }
}

/** Any JSON value, or a plausible one for a field: what a crafted export can put anywhere. */
const anyField = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('totp', 'hotp', 'steam', 'TOTP', 'HOTP', 'STEAM', 'SHA1', 'sha512', 'JBSWY3DPEHPK3PXP', ''),
  fc.constantFrom(6, 8, 30, -1, 0.5, 2 ** 60),
);
const looseEntry = fc.record(
  {
    type: anyField,
    name: anyField,
    issuer: anyField,
    info: fc.record(
      { secret: anyField, algo: anyField, digits: anyField, period: anyField, counter: anyField },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);
const looseService = fc.record(
  {
    name: anyField,
    secret: anyField,
    otp: fc.record(
      {
        account: anyField,
        issuer: anyField,
        digits: anyField,
        period: anyField,
        algorithm: anyField,
        tokenType: anyField,
        counter: anyField,
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

describe('importers and the backup reader on hostile input', () => {
  it('random bytes: importFile, detectImportFormat and decryptBackup', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), async (bytes) => {
        expect(await onlyTypedErrors(() => importFile(bytes, 'pw'))).toBe(true);
        expect(await onlyTypedErrors(() => decryptBackup(bytes, 'pw'))).toBe(true);
        expect(typeof detectImportFormat(bytes)).toBe('string');
      }),
      { numRuns: RUNS },
    );
  });

  it('random text: the URI list importer', async () => {
    const line = fc.oneof(
      fc.string(),
      fc.string().map((s) => `otpauth://${s}`),
      fc.string().map((s) => `otpauth-migration://offline?data=${s}`),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 8 }), async (lines) => {
        expect(await onlyTypedErrors(() => importUriList(lines.join('\n')))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('backup headers with random members after the magic', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.string({ maxLength: 8 }), anyField, { maxKeys: 5 }),
        fc.string({ maxLength: 80 }),
        async (members, body) => {
          const header = JSON.stringify({ format: 'tweestap-backup', ...members });
          expect(await onlyTypedErrors(() => decryptBackup(Buffer.from(`${header}\n${body}\n`), 'pw'))).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('Aegis vaults with random entries, versions and slots', async () => {
    const slot = fc.record(
      {
        type: fc.oneof(fc.constant(1), anyField),
        key: anyField,
        key_params: fc.record({ nonce: anyField, tag: anyField }),
        n: anyField,
        r: anyField,
        p: anyField,
        salt: anyField,
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constant(1), anyField),
        fc.oneof(fc.constantFrom(1, 2, 3), anyField),
        fc.array(fc.oneof(looseEntry, anyField), { maxLength: 6 }),
        fc.oneof(fc.constant(null), fc.array(slot, { maxLength: 2 })),
        fc.oneof(fc.constant('AAAA'), anyField),
        async (version, dbVersion, entries, slots, encryptedDb) => {
          const db = { version: dbVersion, entries };
          const plain = JSON.stringify({ version, header: { slots: null, params: null }, db });
          const params = { nonce: '00'.repeat(12), tag: '00'.repeat(16) };
          const encrypted = JSON.stringify({ version, header: { slots, params }, db: encryptedDb });
          expect(await onlyTypedErrors(() => importAegis(plain))).toBe(true);
          expect(await onlyTypedErrors(() => importAegis(encrypted, 'pw'))).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('2FAS exports with random services and encrypted parts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(looseService, anyField), { maxLength: 6 }),
        fc.oneof(
          fc.constant(undefined),
          anyField,
          fc.array(fc.base64String(), { maxLength: 4 }).map((parts) => parts.join(':')),
        ),
        async (services, servicesEncrypted) => {
          const text = JSON.stringify({ services, servicesEncrypted, schemaVersion: 4 });
          expect(await onlyTypedErrors(() => import2fas(text, 'pw'))).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
