/**
 * The parsers under fire, shared by test/security/parsers.test.ts (a few hundred cases each in
 * `npm test`) and test/bench/security.ts (100,000 each): for every parser, an arbitrary of hostile
 * inputs and a `run` that feeds one input in. `fuzz` runs a target with fast-check and enforces
 * the promises of issue 6: no exception but a TweestapError of kind `input` (or `not-found`), no
 * hang (a generous per-case bound, a hang detector rather than a benchmark) and bounded memory
 * (RSS growth over the whole run below a stated limit). It returns the figures the bench prints.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { scanImageFile } from '../../cli/scan-image';
import { encryptBackup, openBackupEnvelope, readBackupEnvelope, deriveBackupKey } from '../../node/backup';
import { TweestapError } from '../../shared/errors';
import { decodeMigrationUri, parseOtpauthUri } from '../../shared/otp';
import { migrationPayloadBytes, migrationUri } from '../fixtures/otp/migration-payload';
import { encodeJpeg, encodePng, plainCodesImage } from '../fixtures/qr/generate';

export interface FuzzTarget<T> {
  name: string;
  /** Builds the inputs (after setup). */
  arbitrary: () => fc.Arbitrary<T>;
  /** Feeds one input to the parser; resolves with whatever it returned. */
  run: (input: T) => unknown;
  /** Upper bound for one case in ms: only a hang detector, far above the normal time. */
  perCaseLimitMs: number;
  setup?: () => Promise<void> | void;
  teardown?: () => void;
}

export interface FuzzFigures {
  name: string;
  cases: number;
  /** Cases the parser accepted (the rest gave a typed error). */
  accepted: number;
  ms: number;
  slowestCaseMs: number;
  /** Largest RSS above the RSS at the start, in MB. */
  rssGrowthMb: number;
}

/** The RSS growth every parser run must stay under (whole run, all cases). */
export const RSS_GROWTH_LIMIT_MB = 512;

/** Only a TweestapError for bad input is an acceptable failure. */
function isExpectedError(error: unknown): boolean {
  return error instanceof TweestapError && (error.kind === 'input' || error.kind === 'not-found');
}

/** Runs `target` on `runs` random inputs; throws (with fast-check's counterexample) on a broken promise. */
export async function fuzz<T>(target: FuzzTarget<T>, runs: number, seed?: number): Promise<FuzzFigures> {
  await target.setup?.();
  try {
    const arbitrary = target.arbitrary();
    const startRss = process.memoryUsage().rss;
    let accepted = 0;
    let slowest = 0;
    let peakGrowth = 0;
    let cases = 0;
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(arbitrary, async (input) => {
        const caseStart = performance.now();
        try {
          await target.run(input);
          accepted += 1;
        } catch (error) {
          if (!isExpectedError(error)) throw error;
        }
        const caseMs = performance.now() - caseStart;
        slowest = Math.max(slowest, caseMs);
        if (caseMs > target.perCaseLimitMs) throw new Error(`${target.name}: one case took ${caseMs.toFixed(0)} ms (limit ${target.perCaseLimitMs} ms)`);
        if (++cases % 200 === 0) {
          const growth = (process.memoryUsage().rss - startRss) / 2 ** 20;
          peakGrowth = Math.max(peakGrowth, growth);
          if (growth > RSS_GROWTH_LIMIT_MB) throw new Error(`${target.name}: RSS grew by ${growth.toFixed(0)} MB (limit ${RSS_GROWTH_LIMIT_MB} MB)`);
        }
      }),
      { numRuns: runs, ...(seed === undefined ? {} : { seed }), endOnFailure: true },
    );
    peakGrowth = Math.max(peakGrowth, (process.memoryUsage().rss - startRss) / 2 ** 20);
    return { name: target.name, cases, accepted, ms: performance.now() - started, slowestCaseMs: slowest, rssGrowthMb: peakGrowth };
  } finally {
    target.teardown?.();
  }
}

/** Hostile edits of a valid input: truncate, flip bytes, splice junk in. */
function mutationsOf(base: Uint8Array): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    fc.nat(base.length).map((at) => base.slice(0, at)),
    fc.array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }).map((flips) => {
      const copy = base.slice();
      for (const [at, xor] of flips) copy[at]! ^= xor;
      return copy;
    }),
    fc.tuple(fc.nat(base.length), fc.uint8Array({ maxLength: 64 })).map(([at, junk]) => Uint8Array.from([...base.slice(0, at), ...junk, ...base.slice(at)])),
  );
}

// ---- otpauth:// parser ------------------------------------------------------------------------

const URI_PIECES = ['otpauth://', 'totp', 'hotp', '/', ':', '?', '&', '=', '%', '%2', '%zz', '%00', '%C3%A9', 'secret', 'issuer', 'algorithm', 'digits', 'period', 'counter', 'SHA1', 'SHA512', 'MD5', 'JBSWY3DPEHPK3PXP', '====', '8', '-1', '1e309', 'NaN', '\n', '\r\n', '\u0000', ' ', '#', '+', 'é', '\uD800'];

export const otpauthTarget: FuzzTarget<string> = {
  name: 'otpauth URI parser',
  perCaseLimitMs: 1000,
  arbitrary: () =>
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.array(fc.constantFrom(...URI_PIECES), { maxLength: 30 }).map((pieces) => pieces.join('')),
      fc
        .record({
          type: fc.constantFrom('totp', 'hotp', 'TOTP', 'xotp', ''),
          label: fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('', '%2', 'Issuer:', ':', 'a:b:c')),
          params: fc.array(fc.tuple(fc.constantFrom('secret', 'issuer', 'algorithm', 'digits', 'period', 'counter', 'image', '__proto__'), fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('JBSWY3DPEHPK3PXP', '', '6', '8', '0', '-30', '99999999999999999999'))), { maxLength: 8 }),
        })
        .map(({ type, label, params }) => `otpauth://${type}/${label}?${params.map(([k, v]) => `${k}=${v}`).join('&')}`),
      fc.constant(`otpauth://totp/x?secret=${'A'.repeat(100_000)}`),
    ),
  run: (uri) => parseOtpauthUri(uri),
};

// ---- Google Authenticator migration decoder -----------------------------------------------------

const VALID_PAYLOAD = migrationPayloadBytes({
  accounts: [
    { secret: new Uint8Array(20).fill(7), name: 'jan@example.nl', issuer: 'Nse-Portal', algorithm: 1, digits: 1, type: 2 },
    { secret: new Uint8Array(10).fill(3), name: 'piet', issuer: 'Bank', type: 1, counter: 5 },
  ],
  version: 1,
  batchSize: 1,
  batchIndex: 0,
  batchId: 42,
});

export const migrationTarget: FuzzTarget<string> = {
  name: 'migration decoder',
  perCaseLimitMs: 1000,
  arbitrary: () =>
    fc.oneof(
      fc.uint8Array({ maxLength: 400 }).map((bytes) => migrationUri(bytes)),
      mutationsOf(VALID_PAYLOAD).map((bytes) => migrationUri(bytes, 'raw')),
      mutationsOf(VALID_PAYLOAD).map((bytes) => migrationUri(bytes)),
      fc.string({ maxLength: 200 }).map((data) => `otpauth-migration://offline?data=${data}`),
      fc.constantFrom('otpauth-migration://offline?data=', 'otpauth-migration://offline', 'otpauth-migration://offline?data=%', `otpauth-migration://offline?data=${'A'.repeat(200_000)}`),
    ),
  run: (uri) => decodeMigrationUri(uri),
};

// ---- Backup reader ----------------------------------------------------------------------------

const BACKUP_PASSWORD = 'correct horse battery staple';
let backupBase: Buffer | null = null;
let backupKey: Buffer | null = null;

/**
 * Reads the envelope and, when it passes, opens it with the key of the untouched file (deriving a
 * key per case would be 100,000 scrypt runs; the header is authenticated, so a changed header must
 * fail to open with that key as surely as with its own).
 */
export const backupTarget: FuzzTarget<Uint8Array> = {
  name: 'backup reader',
  perCaseLimitMs: 2000,
  async setup() {
    backupBase ??= await encryptBackup(
      [
        { type: 'totp', issuer: 'Nse-Portal', account: 'jan@example.nl', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6, period: 20, counter: 0 },
        { type: 'hotp', issuer: 'Bank', account: 'piet', secret: 'GEZDGNBVGY3TQOJQ', algorithm: 'SHA256', digits: 8, period: 30, counter: 9 },
      ],
      BACKUP_PASSWORD,
      { createdAt: Date.UTC(2026, 0, 1), scryptN: 2 ** 14 },
    );
    backupKey ??= await deriveBackupKey(readBackupEnvelope(backupBase), BACKUP_PASSWORD);
  },
  arbitrary: () => {
    const base = backupBase!;
    const headerEnd = base.indexOf(0x0a);
    const header = base.subarray(0, headerEnd).toString('ascii');
    return fc.oneof(
      fc.uint8Array({ maxLength: 600 }),
      mutationsOf(base),
      // The header's JSON with one value replaced by anything JSON can hold.
      fc.tuple(fc.constantFrom('"N":16384', '"r":8', '"p":1', '"version":1', '"name":"scrypt"', '"name":"aes-256-gcm"', '"format":"tweestap-backup"'), fc.jsonValue({ maxDepth: 3 })).map(([field, value]) => {
        const key = field.slice(0, field.indexOf(':'));
        return Buffer.concat([Buffer.from(header.replace(field, `${key}:${JSON.stringify(value) ?? 'null'}`), 'latin1'), base.subarray(headerEnd)]);
      }),
    );
  },
  run: (bytes) => openBackupEnvelope(readBackupEnvelope(bytes), backupKey!),
};

// ---- Image decoder (cli/scan-image.ts scanImageFile) ----------------------------------------------

let imageDir: string | null = null;
let imageCase = 0;
let sampleImages: { png: Buffer; jpeg: Buffer; bigPng: Buffer } | null = null;

/** PNG: width and height are the IHDR's first fields, at bytes 16–23. */
function withPngSize(png: Buffer, width: number, height: number): Buffer {
  const copy = Buffer.from(png);
  copy.writeUInt32BE(width, 16);
  copy.writeUInt32BE(height, 20);
  return copy;
}

/** JPEG: height and width follow the SOF0/SOF2 marker's length and precision. */
function withJpegSize(jpeg: Buffer, width: number, height: number): Buffer {
  const copy = Buffer.from(jpeg);
  for (let i = 2; i + 9 < copy.length; i++) {
    if (copy[i] === 0xff && (copy[i + 1] === 0xc0 || copy[i + 1] === 0xc2)) {
      copy.writeUInt16BE(height, i + 5);
      copy.writeUInt16BE(width, i + 7);
      break;
    }
  }
  return copy;
}

export const imageTarget: FuzzTarget<Uint8Array> = {
  name: 'image decoder (scanImageFile)',
  perCaseLimitMs: 10_000,
  setup() {
    imageDir = mkdtempSync(path.join(tmpdir(), 'tweestap-image-fuzz-'));
    if (!sampleImages) {
      const qr = plainCodesImage(['otpauth://totp/Nse-Portal:jan?secret=JBSWY3DPEHPK3PXP&issuer=Nse-Portal'], 3);
      // A large, honest image within the limits (decoded in full: the "oversized" but legal case).
      const big = { width: 3000, height: 2000, data: new Uint8Array(3000 * 2000 * 4).fill(255) };
      sampleImages = { png: encodePng(qr), jpeg: encodeJpeg(qr, 80), bigPng: encodePng(big) };
    }
  },
  teardown() {
    if (imageDir) rmSync(imageDir, { recursive: true, force: true });
    imageDir = null;
  },
  arbitrary: () => {
    const { png, jpeg, bigPng } = sampleImages!;
    const side = fc.oneof(fc.constantFrom(0, 1, 16_384, 16_385, 65_535, 2 ** 31 - 1, 2 ** 32 - 1), fc.nat());
    return fc.oneof(
      fc.uint8Array({ maxLength: 2000 }),
      fc.uint8Array({ maxLength: 2000 }).map((rest) => Uint8Array.from([...png.subarray(0, 8), ...rest])),
      fc.uint8Array({ maxLength: 2000 }).map((rest) => Uint8Array.from([0xff, 0xd8, 0xff, ...rest])),
      mutationsOf(png),
      mutationsOf(jpeg),
      fc.tuple(side, side).map(([w, h]) => withPngSize(png, w, h)),
      fc.tuple(side, side).map(([w, h]) => withJpegSize(jpeg, w & 0xffff, h & 0xffff)),
      fc.constant(bigPng),
      fc.nat(bigPng.length).map((at) => bigPng.subarray(0, at)),
    );
  },
  async run(bytes) {
    const file = path.join(imageDir!, `case-${imageCase++ % 4}.img`);
    writeFileSync(file, bytes);
    return scanImageFile(file);
  },
};

export const PARSER_TARGETS = [otpauthTarget, migrationTarget, backupTarget] as const;
