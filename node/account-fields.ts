/**
 * Turns loosely typed account fields read from a file (a backup, an Aegis or 2FAS export) into
 * validated OtpParams with shared/otp's rules, so that every import path accepts exactly what a
 * scanned otpauth:// link would.
 */
import { TweestapError } from '../shared/errors';
import { validateOtpParams } from '../shared/otp';
import type { OtpParams } from '../shared/otp/types';
import { MAX_LABEL_LENGTH } from '../shared/limits';

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
 * and an HOTP's period 30 (whatever the file says). Labels longer than the vault stores are
 * refused here, per entry, rather than failing a whole import when it is added. Throws
 * TweestapError (kind input, an `otp.*` or `vault.labelTooLong` key naming the first bad field);
 * the message never contains the secret.
 */
export function toOtpParams(fields: LooseAccountFields): OtpParams {
  const isHotp = typeof fields.type === 'string' && fields.type.toLowerCase() === 'hotp';
  // validateOtpParams checks every field's runtime type itself: this cast only satisfies tsc.
  const params = validateOtpParams({
    type: fields.type,
    issuer: fields.issuer ?? '',
    account: fields.account ?? '',
    secret: fields.secret,
    algorithm: fields.algorithm,
    digits: fields.digits,
    period: isHotp ? DEFAULT_PERIOD : (fields.period ?? DEFAULT_PERIOD),
    counter: isHotp ? fields.counter : 0,
  } as OtpParams);
  if (params.issuer.length > MAX_LABEL_LENGTH || params.account.length > MAX_LABEL_LENGTH) {
    throw new TweestapError('input', 'vault.labelTooLong', { max: MAX_LABEL_LENGTH });
  }
  return params;
}
