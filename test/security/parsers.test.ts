/**
 * Parsers under fire (fast-check, targets in parser-targets.ts): the otpauth parser, the
 * migration decoder, the backup reader and the image decoder give a result or a typed input
 * error for every input, never hang and stay within a memory bound. `npm run bench:security`
 * runs the same targets with 100,000 cases each. Plus the table of inputs that crashed other
 * authenticators.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccountService } from '../../node/accounts';
import { Vault } from '../../node/vault';
import { TweestapError } from '../../shared/errors';
import { describeQrText, notOtpauthError, parseOtpauthUri } from '../../shared/otp';
import { MapSecretStore } from '../fixtures/map-secret-store';
import { FUZZ_RUNS, FUZZ_SEED } from './fuzz-budget';
import { fuzz, imageTarget, PARSER_TARGETS, RSS_GROWTH_LIMIT_MB, type FuzzFigures } from './parser-targets';

function report(figures: FuzzFigures): void {
  console.log(
    `${figures.name}: ${figures.cases} cases in ${figures.ms.toFixed(0)} ms, ${figures.accepted} accepted, slowest ${figures.slowestCaseMs.toFixed(1)} ms, RSS +${figures.rssGrowthMb.toFixed(0)} MB (limit ${RSS_GROWTH_LIMIT_MB})`,
  );
}

describe('parsers under random and hostile input', () => {
  it.each(PARSER_TARGETS.map((target) => [target.name, target] as const))('%s: a result or a typed input error, bounded in time and memory', async (_name, target) => {
    const figures = await fuzz<never>(target as never, FUZZ_RUNS.parser, FUZZ_SEED);
    report(figures);
    expect(figures.cases).toBe(FUZZ_RUNS.parser);
  });

  it('image decoder: random bytes, truncated, damaged and huge-header PNG/JPEG', async () => {
    const figures = await fuzz(imageTarget, FUZZ_RUNS.image, FUZZ_SEED);
    report(figures);
    expect(figures.cases).toBe(FUZZ_RUNS.image);
  });
});

/** What adding `uri` through the account service throws (the path a pasted or scanned link takes). */
async function addError(uri: string): Promise<TweestapError | 'added'> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tweestap-crash-table-'));
  try {
    const accounts = new AccountService({ vault: new Vault(dir), secrets: new MapSecretStore(), clock: { now: () => 0 } });
    await accounts.addFromUri(uri, 'ask');
    return 'added';
  } catch (error) {
    if (error instanceof TweestapError) return error;
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('inputs that crashed other authenticators give a typed error', () => {
  it.each([
    ['a broken percent escape', 'otpauth://totp/%2?secret=s', 'otp.percentEscapeInvalid'],
    ['an empty secret', 'otpauth://totp/Issuer:jan?secret=', 'otp.secretEmpty'],
    ['no secret at all', 'otpauth://totp/Issuer:jan', 'otp.secretEmpty'],
    ['multi-line junk', 'line one\nline two\r\n\u0000\totpauth', 'otp.notOtpauth.text'],
    ['a link with junk lines after the secret', 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP\nline2\r\n\u0000junk', 'otp.secretNotBase32'],
    ['an empty QR text', '', 'otp.notOtpauth.empty'],
    ['a QR text of spaces', ' \n\t ', 'otp.notOtpauth.empty'],
  ])('%s', async (_name, uri, key) => {
    expect(() => parseOtpauthUri(uri)).toThrow(TweestapError);
    const error = await addError(uri);
    expect(error).toBeInstanceOf(TweestapError);
    expect(error).toMatchObject({ kind: 'input', key });
  });

  it('an empty QR is reported as empty, not as an account', () => {
    expect(describeQrText('')).toBe('empty');
    expect(notOtpauthError('empty')).toMatchObject({ kind: 'input', key: 'otp.notOtpauth.empty' });
  });

  // Found by npm run bench:security (seed 6, case 32,398): Base64 with a misplaced `=` used to
  // pass the alphabet check and make protobufjs throw a plain Error (an internal error, exit 70).
  it('a migration link with a misplaced Base64 pad is a typed error', async () => {
    expect(await addError('otpauth-migration://offline?data=vGuf=')).toMatchObject({ kind: 'input', key: 'otp.migrationMalformed' });
  });

  // A link whose label and issuer are both empty used to be added as an account without a name.
  it('an empty label (no issuer either) is refused like an empty rename', async () => {
    expect(await addError('otpauth://totp/?secret=JBSWY3DPEHPK3PXP')).toMatchObject({ kind: 'input', key: 'vault.labelsEmpty' });
  });
});
