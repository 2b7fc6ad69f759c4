/** The data model of one-time-password accounts, shared by every runtime. */

export const OTP_TYPES = ['totp', 'hotp'] as const;
export type OtpType = (typeof OTP_TYPES)[number];

export const ALGORITHMS = ['SHA1', 'SHA256', 'SHA512'] as const;
export type Algorithm = (typeof ALGORITHMS)[number];

export const DIGITS = [6, 7, 8] as const;
export type Digits = (typeof DIGITS)[number];

/** Longest accepted TOTP period: one day. Anything longer is a typo or an attack. */
export const MAX_PERIOD_SECONDS = 86_400;

/** Everything that determines an account's codes, plus how it is labelled. */
export interface OtpParams {
  type: OtpType;
  /** Shown large in the list, e.g. `Nse-Portal`; may be empty. */
  issuer: string;
  /** Shown below the issuer, usually an e-mail address; may be empty. */
  account: string;
  /** Canonical Base32: upper case, no padding, no spaces. A secret: never log it. */
  secret: string;
  algorithm: Algorithm;
  digits: Digits;
  /** TOTP step in whole seconds (the NSE Portal uses 20). Ignored for HOTP (kept at 30). */
  period: number;
  /** HOTP: the counter of the next code to show. TOTP: 0. */
  counter: number;
}

/** The same without the secret: what may be stored in vault.json and sent to the renderer. */
export type OtpLabelAndSettings = Omit<OtpParams, 'secret'>;

/** One TOTP code with its validity, times in Unix milliseconds. */
export interface TotpCode {
  /** The time step number (floor(seconds / period)), may exceed 2^32. */
  step: number;
  code: string;
  validFrom: number;
  validUntil: number;
}

/** What a Google Authenticator export QR (`otpauth-migration://offline?data=...`) holds. */
export interface MigrationPayload {
  /** Format version; Google writes 1. */
  version: number;
  /** How many QR codes the whole export has (at least 1). */
  batchSize: number;
  /** This QR's place in the export, 0-based. */
  batchIndex: number;
  /** Identifies the export all parts belong to; a signed 32-bit number, often negative. */
  batchId: number;
  accounts: OtpParams[];
}
