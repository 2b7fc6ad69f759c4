import { describe, expect, it } from 'vitest';
import type { MessageKey } from '../../../../shared/i18n';
import {
  MAX_SECRET_BYTES,
  normalizeSecret,
  parseOtpauthUri,
  secretBits,
  secretBytes,
  secretFromBytes,
  validateOtpParams,
  weakSecretWarnings,
  type OtpParams,
} from '../../../../shared/otp';
import { inputError, totpAccount, visibleTexts } from './helpers';

describe('normalizeSecret', () => {
  it.each([
    ['canonical', 'JBSWY3DPEHPK3PXP', 'JBSWY3DPEHPK3PXP'],
    ['lower case', 'jbswy3dpehpk3pxp', 'JBSWY3DPEHPK3PXP'],
    ['grouped with spaces', 'jbsw y3dp ehpk 3pxp', 'JBSWY3DPEHPK3PXP'],
    ['grouped with hyphens and tabs', 'JBSW-Y3DP\tEHPK-3PXP', 'JBSWY3DPEHPK3PXP'],
    ['padded', 'GEZDGNBVGY======', 'GEZDGNBVGY'],
    ['unpadded', 'GEZDGNBVGY', 'GEZDGNBVGY'],
    ['padded and spaced at the end', 'GEZD GNBV GY== ==== ', 'GEZDGNBVGY'],
  ])('accepts a secret %s', (_name, input, expected) => {
    expect(normalizeSecret(input)).toBe(expected);
  });

  it.each<[string, string, MessageKey]>([
    ['empty', '', 'otp.secretEmpty'],
    ['only spaces and padding', ' - == ', 'otp.secretEmpty'],
    ['with a zero', 'JBSWY3DPEHPK3PX0', 'otp.secretNotBase32'],
    ['with padding inside', 'JBSW==Y3DP', 'otp.secretNotBase32'],
    ['with a non-ASCII letter', 'JBSWY3DPÉHPK3PXP', 'otp.secretNotBase32'],
    ['of one character (no whole byte)', 'J', 'otp.secretTooShort'],
  ])('rejects a secret %s without quoting it', (_name, input, key) => {
    const error = inputError(() => normalizeSecret(input));
    expect(error.key).toBe(key);
    if (input.trim()) for (const text of visibleTexts(error)) expect(text).not.toContain(input.trim());
  });

  it('converts between Base32 and bytes (RFC 4648 test vectors)', () => {
    // RFC 4648 §10: "foobar" → MZXW6YTBOI======
    expect(secretFromBytes(new TextEncoder().encode('foobar'))).toBe('MZXW6YTBOI');
    expect(new TextDecoder().decode(secretBytes('mzxw 6ytb oi=='))).toBe('foobar');
    expect(inputError(() => secretFromBytes(new Uint8Array())).key).toBe('otp.secretEmpty');
  });
});

describe('validateOtpParams', () => {
  it('returns a canonical copy: secret normalized, labels trimmed, TOTP counter 0', () => {
    const input = totpAccount({ issuer: '  Nse-Portal ', account: ' a@b.nl ', secret: 'jbsw y3dp', counter: 7, period: 20 });
    expect(validateOtpParams(input)).toEqual({ ...input, issuer: 'Nse-Portal', account: 'a@b.nl', secret: 'JBSWY3DP', counter: 0 });
  });

  it('turns decimal strings (as a form gives them) into numbers', () => {
    const form = { ...totpAccount(), type: 'hotp', digits: '8', period: '30', counter: '12' } as unknown as OtpParams;
    expect(validateOtpParams(form)).toMatchObject({ digits: 8, period: 30, counter: 12 });
  });

  it('keeps the counter of an HOTP account', () => {
    expect(validateOtpParams(totpAccount({ type: 'hotp', counter: 2 ** 40 })).counter).toBe(2 ** 40);
  });

  // Values as they might arrive from JSON, IPC or a form: the types are not to be trusted.
  it.each<[string, Partial<Record<keyof OtpParams, unknown>>, MessageKey]>([
    ['an unknown type', { type: 'motp' }, 'otp.typeUnknown'],
    ['an unknown algorithm', { algorithm: 'MD5' }, 'otp.algorithmUnknown'],
    ['5 digits', { digits: 5 }, 'otp.digitsInvalid'],
    ['digits as a word', { digits: 'six' }, 'otp.digitsInvalid'],
    ['period 0', { period: 0 }, 'otp.periodInvalid'],
    ['a fractional period', { period: 29.5 }, 'otp.periodInvalid'],
    ['a period above one day', { period: 86_401 }, 'otp.periodInvalid'],
    ['a period that is not a number', { period: '30s' }, 'otp.periodInvalid'],
    ['a period that is null', { period: null }, 'otp.periodInvalid'],
    ['a negative HOTP counter', { type: 'hotp', counter: -1 }, 'otp.counterInvalid'],
    ['an unsafe HOTP counter', { type: 'hotp', counter: 2 ** 53 }, 'otp.counterInvalid'],
    ['a secret that is not a string', { secret: 42 }, 'otp.secretEmpty'],
    ['an issuer that is not a string', { issuer: null }, 'otp.labelInvalid'],
    ['an account with a lone surrogate', { account: 'a\uDC00b' }, 'otp.labelInvalid'],
  ])('rejects %s', (_name, overrides, key) => {
    expect(inputError(() => validateOtpParams({ ...totpAccount(), ...overrides } as OtpParams)).key).toBe(key);
  });
});

describe('key length (issue 12.6)', () => {
  const base32OfBytes = (count: number) => secretFromBytes(new Uint8Array(count).fill(0x5a));

  it('refuses a key over 128 bytes in the parser, without quoting it', () => {
    expect(secretBytes(base32OfBytes(MAX_SECRET_BYTES))).toHaveLength(MAX_SECRET_BYTES);
    const long = base32OfBytes(MAX_SECRET_BYTES + 1);
    const error = inputError(() => normalizeSecret(long));
    expect(error.key).toBe('otp.secretTooLong');
    expect(error.message).not.toContain(long);
    expect(inputError(() => parseOtpauthUri(`otpauth://totp/X:a?secret=${long}`)).key).toBe('otp.secretTooLong');
  });

  it('counts the bits of a key', () => {
    expect(secretBits('JBSWY3DPEHPK3PXP')).toBe(80);
    expect(secretBits(base32OfBytes(20))).toBe(160);
  });

  it('warns, naming the account, for a key under RFC 4226’s 128 bits, and not for 128 or more', () => {
    const account = (secret: string): OtpParams => ({ type: 'totp', issuer: 'Nse-Portal', account: 'a@b.nl', secret, algorithm: 'SHA1', digits: 6, period: 20, counter: 0 });
    expect(weakSecretWarnings([account('JBSWY3DPEHPK3PXP'), account(base32OfBytes(16)), account(base32OfBytes(20))])).toEqual([
      { key: 'otp.secretWeak', params: { name: 'Nse-Portal (a@b.nl)', bits: 80, min: 128 } },
    ]);
  });
});
