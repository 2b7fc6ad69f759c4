/** The OTP core: account parameters, otpauth URIs, codes, and Google Authenticator exports. */
export * from './types';
export { MAX_SECRET_BYTES, MIN_SECRET_BITS, normalizeSecret, secretBits, secretBytes, secretFromBytes, validateOtpParams, weakSecretWarnings } from './secret';
export { parseAlgorithm, parseCounter, parseDigits, parseOtpType, parsePeriod } from './fields';
export { displayName, exportName, splitExportName, splitLabel, type AccountLabel } from './label';
export { QR_TEXT_KINDS, describeQrText, notOtpauthError, type QrTextKind } from './qr-text';
export { formatOtpauthUri, parseOtpauthUri } from './uri';
export { MAX_WINDOW, hotpCode, totpAt, totpStep, totpWindow, verifyHotp, verifyTotp } from './codes';
export {
  MAX_ACCOUNTS_PER_QR,
  MAX_BATCH_SIZE,
  MIGRATION_PERIOD,
  MigrationBatch,
  decodeMigrationUri,
  encodeMigrationUris,
  migrationImportWarnings,
  migrationPeriodWarnings,
  type MigrationProgress,
} from './migration';
