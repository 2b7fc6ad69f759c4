/**
 * The zod schema of vault.json (node/vault.ts). Loaded only when the quick check in vault.ts
 * refuses a file: to decide, and to name what is wrong in the error.
 */
import { z } from 'zod';
import { MAX_ID_LENGTH, MAX_LABEL_LENGTH } from '../shared/limits';
import { ALGORITHMS, DIGITS, MAX_PERIOD_SECONDS, OTP_TYPES } from '../shared/otp/types';
import { VAULT_FORMAT, VAULT_VERSION } from './vault';

export { z };

export const accountSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]+$/).max(MAX_ID_LENGTH),
    type: z.enum(OTP_TYPES),
    issuer: z.string().max(MAX_LABEL_LENGTH),
    account: z.string().max(MAX_LABEL_LENGTH),
    algorithm: z.enum(ALGORITHMS),
    digits: z.literal(DIGITS),
    period: z.int().min(1).max(MAX_PERIOD_SECONDS),
    counter: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
    addedAt: z.iso.datetime(),
  })
  .strip();

export const vaultSchema = z.object({
  format: z.literal(VAULT_FORMAT),
  version: z.literal(VAULT_VERSION),
  accounts: z.array(accountSchema).refine((accounts) => new Set(accounts.map((a) => a.id)).size === accounts.length, 'duplicate account id'),
});

