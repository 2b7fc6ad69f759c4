import { describe, expect, it } from 'vitest';
import { hotpCode, totpAt, totpStep, totpWindow, verifyHotp, verifyTotp, type Algorithm } from '../../../../shared/otp';
import { RFC_SEEDS, hotpAccount, inputError, totpAccount } from './helpers';

describe('HOTP', () => {
  // RFC 4226 appendix D.
  it.each([
    [0, '755224'], [1, '287082'], [2, '359152'], [3, '969429'], [4, '338314'],
    [5, '254676'], [6, '287922'], [7, '162583'], [8, '399871'], [9, '520489'],
  ])('gives the RFC 4226 code for counter %i', (counter, code) => {
    expect(hotpCode(hotpAccount(), counter)).toBe(code);
  });

  // Values from oathtool 2.6.7 (`oathtool -c N 3132...3930`): the 8-byte counter is written
  // without 32-bit truncation, up to the largest safe integer.
  it.each([
    [4294967295, '117190'],
    [4294967296, '999456'],
    [4294967297, '108930'],
    [Number.MAX_SAFE_INTEGER, '891307'],
  ])('gives the right code for counter %i, past 2^32', (counter, code) => {
    expect(hotpCode(hotpAccount(), counter)).toBe(code);
  });

  it.each([
    [30, '026920'],
    [36, '003784'],
  ])('keeps leading zeros (counter %i)', (counter, code) => {
    expect(hotpCode(hotpAccount(), counter)).toBe(code);
  });

  it.each([-1, 1.5, Number.MAX_SAFE_INTEGER + 1, Number.NaN])('rejects counter %s', (counter) => {
    expect(inputError(() => hotpCode(hotpAccount(), counter)).key).toBe('otp.counterInvalid');
  });

  it('refuses a TOTP account', () => {
    expect(inputError(() => hotpCode(totpAccount(), 0)).key).toBe('otp.notHotp');
  });
});

describe('TOTP', () => {
  // RFC 6238 appendix B: all 18 vectors, each algorithm with its own seed, 8 digits, 30 s.
  const RFC_6238: Array<[number, string, Algorithm, string]> = [
    [59, '0000000000000001', 'SHA1', '94287082'],
    [59, '0000000000000001', 'SHA256', '46119246'],
    [59, '0000000000000001', 'SHA512', '90693936'],
    [1111111109, '00000000023523EC', 'SHA1', '07081804'],
    [1111111109, '00000000023523EC', 'SHA256', '68084774'],
    [1111111109, '00000000023523EC', 'SHA512', '25091201'],
    [1111111111, '00000000023523ED', 'SHA1', '14050471'],
    [1111111111, '00000000023523ED', 'SHA256', '67062674'],
    [1111111111, '00000000023523ED', 'SHA512', '99943326'],
    [1234567890, '000000000273EF07', 'SHA1', '89005924'],
    [1234567890, '000000000273EF07', 'SHA256', '91819424'],
    [1234567890, '000000000273EF07', 'SHA512', '93441116'],
    [2000000000, '0000000003F940AA', 'SHA1', '69279037'],
    [2000000000, '0000000003F940AA', 'SHA256', '90698825'],
    [2000000000, '0000000003F940AA', 'SHA512', '38618901'],
    [20000000000, '0000000027BC86AA', 'SHA1', '65353130'],
    [20000000000, '0000000027BC86AA', 'SHA256', '77737706'],
    [20000000000, '0000000027BC86AA', 'SHA512', '47863826'],
  ];

  it.each(RFC_6238)('gives the RFC 6238 code at %i s (step %s) with %s', (seconds, stepHex, algorithm, code) => {
    const result = totpAt(totpAccount({ secret: RFC_SEEDS[algorithm], algorithm, digits: 8 }), seconds * 1000);
    expect(result.step).toBe(parseInt(stepHex, 16));
    expect(result.code).toBe(code);
  });

  // Values from oathtool 2.6.7, around 2^31 seconds (19 January 2038), in 2100 and in 9999.
  it.each([
    [2147483647, 'SHA1', 8, 30, '24703886'],
    [2147483648, 'SHA1', 8, 30, '24703886'],
    [4102444800, 'SHA1', 8, 30, '47612575'],
    [4102444800, 'SHA256', 6, 20, '009026'],
    [253402300799, 'SHA1', 8, 30, '60099568'],
    [253402300799, 'SHA256', 6, 20, '293183'],
  ] as const)('is right past 2038: %i s, %s, %i digits, %i s period', (seconds, algorithm, digits, period, code) => {
    const account = totpAccount({ secret: RFC_SEEDS[algorithm], algorithm, digits, period });
    expect(totpAt(account, seconds * 1000).code).toBe(code);
  });

  it('reaches step 2^32 (period 1 s in 2106) with the 64-bit counter, like HOTP counter 2^32', () => {
    const at = totpAt(totpAccount({ period: 1 }), 2 ** 32 * 1000);
    expect(at.step).toBe(2 ** 32);
    expect(at.code).toBe('999456');
  });

  it('marks the exact step boundaries (NSE Portal: 20 s)', () => {
    const account = totpAccount({ period: 20 });
    const boundary = 1_700_000_000_000; // a multiple of 20 000 ms
    const before = totpAt(account, boundary - 1);
    const at = totpAt(account, boundary);
    expect(before).toMatchObject({ step: 84_999_999, validFrom: boundary - 20_000, validUntil: boundary });
    expect(at).toMatchObject({ step: 85_000_000, validFrom: boundary, validUntil: boundary + 20_000 });
    expect(totpAt(account, boundary + 19_999).step).toBe(at.step);
    expect(before.code).not.toBe(at.code);
  });

  it('starts at step 0 at the Unix epoch and drops fractions of a millisecond', () => {
    expect(totpAt(totpAccount(), 0)).toMatchObject({ step: 0, validFrom: 0, validUntil: 30_000, code: '755224' });
    expect(totpAt(totpAccount(), 29_999.9).step).toBe(0);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('rejects the moment %s', (atMs) => {
    expect(inputError(() => totpAt(totpAccount(), atMs)).key).toBe('otp.timeInvalid');
  });

  it('refuses an HOTP account', () => {
    expect(inputError(() => totpAt(hotpAccount(), 0)).key).toBe('otp.notTotp');
  });

  it('checks the account before computing', () => {
    expect(inputError(() => totpAt(totpAccount({ period: 0 }), 0)).key).toBe('otp.periodInvalid');
    expect(inputError(() => totpAt(totpAccount({ secret: 'not base32!' }), 0)).key).toBe('otp.secretNotBase32');
  });
});

describe('totpStep', () => {
  // otpauth's TOTP.counter computes floor(ms / 1000 / period) with two roundings; ours divides
  // once, exactly. Compare with BigInt division on both sides of step boundaries across the
  // whole range of safe millisecond times.
  it('is floor(ms / period) exactly on both sides of boundaries up to 2^53 ms', () => {
    const mismatches: string[] = [];
    for (const period of [1, 7, 20, 30, 59, 120, 3600, 86_400]) {
      const periodMs = period * 1000;
      const lastStep = Math.floor(Number.MAX_SAFE_INTEGER / periodMs);
      for (const step of [1, 2 ** 31, 2 ** 32, 2 ** 40, lastStep - 1, lastStep, Math.floor(lastStep / 3)]) {
        for (const ms of [step * periodMs - 1, step * periodMs, step * periodMs + periodMs - 1]) {
          if (ms > Number.MAX_SAFE_INTEGER) continue;
          const exact = Number(BigInt(ms) / BigInt(periodMs));
          if (totpStep(period, ms) !== exact) mismatches.push(`${period}s@${ms}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('rejects an invalid period', () => {
    expect(inputError(() => totpStep(0, 1000)).key).toBe('otp.periodInvalid');
  });
});

describe('totpWindow', () => {
  it('lists steps −N…+N in order, each with its own validity', () => {
    const account = totpAccount({ period: 20 });
    const window = totpWindow(account, 1_700_000_005_000, 2);
    expect(window.map((c) => c.step)).toEqual([84_999_998, 84_999_999, 85_000_000, 85_000_001, 85_000_002]);
    for (const code of window) expect(code).toEqual(totpAt(account, code.validFrom));
  });

  it('leaves out steps before 1970', () => {
    expect(totpWindow(totpAccount(), 0, 2).map((c) => c.step)).toEqual([0, 1, 2]);
  });

  it.each([-1, 1.5, 1001])('rejects window %s', (window) => {
    expect(inputError(() => totpWindow(totpAccount(), 0, window)).key).toBe('otp.windowInvalid');
  });
});

describe('verifyTotp', () => {
  const account = totpAccount({ period: 20 });
  const at = 1_700_000_005_000;
  const codes = totpWindow(account, at, 3);
  const codeAt = (offset: number): string => codes[offset + 3]!.code;

  it.each([-3, -2, -1, 0, 1, 2, 3])('finds the step offset %i within window 3', (offset) => {
    expect(verifyTotp(account, codeAt(offset), at, 3)).toBe(offset);
  });

  it('does not accept a code outside the window', () => {
    expect(verifyTotp(account, codeAt(2), at, 1)).toBeNull();
    expect(verifyTotp(account, codeAt(-2), at, 1)).toBeNull();
    expect(verifyTotp(account, codeAt(1), at, 0)).toBeNull();
  });

  it('accepts the code typed with spaces', () => {
    const code = codeAt(0);
    expect(verifyTotp(account, `${code.slice(0, 3)} ${code.slice(3)}`, at, 0)).toBe(0);
  });

  it('reports a past step as a negative offset and a future one as positive', () => {
    const rfc = totpAccount();
    expect(verifyTotp(rfc, '755224', 30_000, 1)).toBe(-1);
    expect(verifyTotp(rfc, '359152', 30_000, 1)).toBe(1);
  });

  it('prefers the nearest step when a code repeats within the window, the past on a tie', () => {
    // Find two steps a < b, an even distance apart, with the same 6-digit code and no other
    // step between them with it (with 20 000 steps a few such pairs exist).
    const codesByStep = Array.from({ length: 20_000 }, (_, step) => hotpCode(hotpAccount(), step));
    const firstSeen = new Map<string, number>();
    let pair: [number, number] | undefined;
    codesByStep.forEach((code, step) => {
      const earlier = firstSeen.get(code);
      if (!pair && earlier !== undefined && (step - earlier) % 2 === 0 && step - earlier <= 1000) pair = [earlier, step];
      firstSeen.set(code, step);
    });
    expect(pair).toBeDefined();
    const [a, b] = pair!;
    const code = codesByStep[a]!;
    const window = b - a;
    const atStep = (step: number): number => step * 30_000 + 5_000;
    expect(verifyTotp(totpAccount(), code, atStep(a + 1), window)).toBe(-1);
    expect(verifyTotp(totpAccount(), code, atStep(b - 1), window)).toBe(1);
    expect(verifyTotp(totpAccount(), code, atStep((a + b) / 2), window)).toBe(-window / 2);
  });

  it.each(['12345', '1234567', '12a456', ''])('rejects the malformed code "%s"', (code) => {
    expect(inputError(() => verifyTotp(account, code, at, 1)).key).toBe('otp.codeMalformed');
  });
});

describe('verifyHotp', () => {
  it('finds the counter offset 0…window ahead of the stored counter', () => {
    const account = hotpAccount({ counter: 3 });
    expect(verifyHotp(account, '969429', 2)).toBe(0);
    expect(verifyHotp(account, '254676', 2)).toBe(2);
    expect(verifyHotp(account, '287922', 2)).toBeNull();
    expect(verifyHotp(account, '359152', 2)).toBeNull(); // counter 2 is behind: never again
  });

  it('stops at the largest safe counter', () => {
    expect(verifyHotp(hotpAccount({ counter: Number.MAX_SAFE_INTEGER }), '891307', 5)).toBe(0);
    expect(verifyHotp(hotpAccount({ counter: Number.MAX_SAFE_INTEGER }), '000000', 5)).toBeNull();
  });
});
