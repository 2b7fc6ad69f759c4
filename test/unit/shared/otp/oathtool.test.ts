/**
 * Cross-check against Debian's oathtool over 10 000 random TOTP cases and 1 000 HOTP cases with
 * counters up to 2^53 (seeded, so a failure repeats). Prints how long oathtool took.
 */
import { describe, expect, it } from 'vitest';
import { ALGORITHMS, DIGITS, hotpCode, secretFromBytes, totpAt, type OtpParams } from '../../../../shared/otp';
import { oathtoolCodes, type OathCase } from '../../../fixtures/otp/oathtool';
import { seededRandom } from '../../../fixtures/otp/prng';

const TOTP_CASES = 10_000;
const HOTP_CASES = 1_000;
const YEAR_2100 = 4_102_444_800; // 2100-01-01T00:00:00Z in Unix seconds

interface Case {
  oath: OathCase;
  ours: () => string;
}

function randomCases(seed: number): Case[] {
  const random = seededRandom(seed);
  const cases: Case[] = [];
  const account = (bytes: Uint8Array, overrides: Partial<OtpParams>): OtpParams => ({
    type: 'totp', issuer: 'X', account: 'y', secret: secretFromBytes(bytes), algorithm: 'SHA1', digits: 6, period: 30, counter: 0, ...overrides,
  });
  for (let i = 0; i < TOTP_CASES; i++) {
    const bytes = random.bytes(random.int(10, 64));
    const algorithm = random.pick(ALGORITHMS);
    const digits = random.pick(DIGITS);
    const period = random.int(10, 120);
    // One case in five sits exactly on a step boundary or in its last millisecond before.
    const edge = random.int(0, 9);
    let seconds = random.int(0, YEAR_2100);
    let ms = random.int(0, 999);
    if (edge === 0) [seconds, ms] = [seconds - (seconds % period), 0];
    if (edge === 1 && seconds >= period) [seconds, ms] = [seconds - (seconds % period) - 1, 999];
    const keyHex = Buffer.from(bytes).toString('hex');
    const p = account(bytes, { algorithm, digits, period });
    cases.push({ oath: { mode: 'totp', algorithm, digits, period, unixSeconds: seconds, keyHex }, ours: () => totpAt(p, seconds * 1000 + ms).code });
  }
  for (let i = 0; i < HOTP_CASES; i++) {
    const bytes = random.bytes(random.int(10, 64));
    const digits = random.pick(DIGITS);
    const counter = i % 2 === 0 ? random.int(0, Number.MAX_SAFE_INTEGER) : random.int(2 ** 32 - 50, 2 ** 32 + 50);
    const p = account(bytes, { type: 'hotp', digits, counter });
    cases.push({ oath: { mode: 'hotp', digits, counter, keyHex: Buffer.from(bytes).toString('hex') }, ours: () => hotpCode(p, counter) });
  }
  return cases;
}

describe('cross-check with oathtool', () => {
  it(`agrees on ${TOTP_CASES} random TOTP and ${HOTP_CASES} HOTP cases (1970–2100, 10–64 byte keys)`, { timeout: 120_000 }, async () => {
    const cases = randomCases(20_250_314);
    const started = performance.now();
    const expected = await oathtoolCodes(cases.map((c) => c.oath));
    console.log(`oathtool: ${cases.length} codes in ${Math.round(performance.now() - started)} ms`);

    const differences = cases
      .map((c, i) => ({ oath: c.oath, expected: expected[i], actual: c.ours() }))
      .filter((d) => d.actual !== d.expected);
    expect(differences.slice(0, 5)).toEqual([]);
    expect(differences.length).toBe(0);
  });
});
