/** Shared bits of the otp tests: accounts from ASCII seeds, and catching TweestapErrors. */
import { expect } from 'vitest';
import { TweestapError } from '../../../../shared/errors';
import { translate, type MessageKey } from '../../../../shared/i18n';
import { secretFromBytes, type OtpParams } from '../../../../shared/otp';

/** RFC 4226 / RFC 6238 seeds: ASCII "1234567890" repeated to 20, 32 and 64 bytes. */
export const RFC_SEEDS = {
  SHA1: ascii('12345678901234567890'),
  SHA256: ascii('12345678901234567890123456789012'),
  SHA512: ascii('1234567890123456789012345678901234567890123456789012345678901234'),
} as const;

export function ascii(text: string): string {
  return secretFromBytes(new TextEncoder().encode(text));
}

/** A TOTP account with defaults; override what the test is about. */
export function totpAccount(overrides: Partial<OtpParams> = {}): OtpParams {
  return { type: 'totp', issuer: 'ACME', account: 'alice@example.com', secret: RFC_SEEDS.SHA1, algorithm: 'SHA1', digits: 6, period: 30, counter: 0, ...overrides };
}

/** An HOTP account with defaults. */
export function hotpAccount(overrides: Partial<OtpParams> = {}): OtpParams {
  return totpAccount({ type: 'hotp', ...overrides });
}

/** Runs `action`, which must throw a TweestapError of kind 'input'; returns it. */
export function inputError(action: () => unknown): TweestapError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(TweestapError);
    expect((error as TweestapError).kind).toBe('input');
    return error as TweestapError;
  }
  throw new Error('expected a TweestapError, nothing was thrown');
}

/** Every text a user or a log could see of an error: message, both translations, params. */
export function visibleTexts(error: TweestapError): string[] {
  const key: MessageKey = error.key;
  return [error.message, translate('en', key, error.params), translate('nl', key, error.params), JSON.stringify(error.params)];
}
