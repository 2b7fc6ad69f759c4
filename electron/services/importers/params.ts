/**
 * Turns loosely typed account fields read from a file (a backup, an Aegis or 2FAS export) into
 * validated OtpParams with shared/otp's rules, so that every import path accepts exactly what a
 * scanned otpauth:// link would.
 */
import { validateOtpParams } from '../../../shared/otp';
import type { OtpParams } from '../../../shared/otp/types';

/** Account fields as found in a file: any of them may be missing or of the wrong type. */
export interface LooseAccountFields {
  type: unknown;
  issuer: unknown;
  account: unknown;
  secret: unknown;
  algorithm: unknown;
  digits: unknown;
  period: unknown;
  counter: unknown;
}

const DEFAULT_PERIOD = 30;

/**
 * Validated, canonical OtpParams from `fields`: type and algorithm in any letter case, the secret
 * normalised to Base32, an absent or null label empty, an absent period 30, a TOTP's counter 0
 * and an HOTP's period 30 (whatever the file says). Throws TweestapError (kind input, an `otp.*`
 * key naming the first bad field); the message never contains the secret.
 */
export function toOtpParams(fields: LooseAccountFields): OtpParams {
  const isHotp = typeof fields.type === 'string' && fields.type.toLowerCase() === 'hotp';
  // validateOtpParams checks every field's runtime type itself: this cast only satisfies tsc.
  return validateOtpParams({
    type: fields.type,
    issuer: fields.issuer ?? '',
    account: fields.account ?? '',
    secret: fields.secret,
    algorithm: fields.algorithm,
    digits: fields.digits,
    period: isHotp ? DEFAULT_PERIOD : (fields.period ?? DEFAULT_PERIOD),
    counter: isHotp ? fields.counter : 0,
  } as OtpParams);
}
