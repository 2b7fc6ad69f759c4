/**
 * Checks the manual key form before anything is sent to main (which checks again), so every
 * mistake gets its own translated message next to its field.
 */
import type { ManualEntry } from '../../../shared/api';
import type { WindowMessageKey } from '../../i18n/messages';
import { ALGORITHMS, DIGITS, MAX_PERIOD_SECONDS, type Algorithm, type Digits, type OtpType } from '../../../shared/otp/types';

/** The form's fields as typed (numbers still text). */
export interface ManualForm {
  issuer: string;
  account: string;
  secret: string;
  type: OtpType;
  algorithm: Algorithm;
  digits: string;
  period: string;
  counter: string;
}

export type ManualErrors = Partial<Record<'name' | 'secret' | 'digits' | 'period' | 'counter', WindowMessageKey>>;

export const EMPTY_MANUAL_FORM: ManualForm = {
  issuer: '',
  account: '',
  secret: '',
  type: 'totp',
  algorithm: 'SHA1',
  digits: '6',
  period: '30',
  counter: '0',
};

const WHOLE_NUMBER = /^\d+$/;

/** Spaces, hyphens and lower case are how keys are printed; Base32 is A–Z and 2–7 (`=` padding allowed). */
function secretError(secret: string): WindowMessageKey | undefined {
  const compact = secret.replace(/[\s-]/g, '').toUpperCase();
  if (!compact) return 'app.manual.secretEmpty';
  if (!/^[A-Z2-7]+=*$/.test(compact)) return 'app.manual.secretInvalid';
  return undefined;
}

/** The entry to send, or the message key of each field that is wrong. */
export function checkManualForm(form: ManualForm): { entry: ManualEntry } | { errors: ManualErrors } {
  const errors: ManualErrors = {};
  if (!form.issuer.trim() && !form.account.trim()) errors.name = 'app.manual.nameEmpty';
  const secret = secretError(form.secret);
  if (secret) errors.secret = secret;
  const digits = Number(form.digits);
  if (!DIGITS.includes(digits as Digits)) errors.digits = 'app.manual.digitsInvalid';
  const period = Number(form.period);
  if (form.type === 'totp' && (!WHOLE_NUMBER.test(form.period.trim()) || period < 1 || period > MAX_PERIOD_SECONDS)) {
    errors.period = 'app.manual.periodInvalid';
  }
  const counter = Number(form.counter);
  if (form.type === 'hotp' && (!WHOLE_NUMBER.test(form.counter.trim()) || !Number.isSafeInteger(counter))) {
    errors.counter = 'app.manual.counterInvalid';
  }
  if (Object.keys(errors).length) return { errors };
  return {
    entry: {
      issuer: form.issuer.trim(),
      account: form.account.trim(),
      secret: form.secret,
      type: form.type,
      algorithm: ALGORITHMS.includes(form.algorithm) ? form.algorithm : 'SHA1',
      digits: digits as Digits,
      period: form.type === 'totp' ? period : 30,
      counter: form.type === 'hotp' ? counter : 0,
    },
  };
}
