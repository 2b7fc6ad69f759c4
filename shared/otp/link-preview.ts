/**
 * What a link handed over by another program would add, before anything is added (issue 12,
 * part 1): every account of an `otpauth://` link or of a one-part Google export, each marked when
 * it duplicates an account already here. The preview holds names and settings, never a secret,
 * so main can show it in its confirmation dialog.
 */
import type { AccountView } from '../api';
import { TweestapError } from '../errors';
import type { AccountLabel } from './label';
import { LabelIndex } from './look-alike';
import { decodeMigrationUri } from './migration';
import type { OtpLabelAndSettings, OtpParams } from './types';
import { parseOtpauthUri } from './uri';

/** How an account of a link relates to the accounts here. */
export type LinkDuplicate = 'none' | 'same' | 'look-alike';

/** One account a link would add: names and settings (no secret), and whether it is a duplicate. */
export interface LinkAccountPreview extends OtpLabelAndSettings {
  duplicate: LinkDuplicate;
}

/** What a link would add, in the link's order. */
export interface LinkPreview {
  accounts: LinkAccountPreview[];
}

/**
 * Every account of `uri`, with its secret (for adding). Throws TweestapError (kind input) for a
 * link the parsers refuse, and `deepLink.exportPart` for one part of a multi-part Google export:
 * a link is confirmed on its own, so parts never collect into a batch, where one click could
 * slip accounts into an export the user is scanning in the window.
 */
export function readLinkAccounts(uri: string): OtpParams[] {
  if (!/^otpauth-migration:/i.test(uri.trim())) return [parseOtpauthUri(uri)];
  const payload = decodeMigrationUri(uri);
  if (payload.batchSize > 1) throw new TweestapError('input', 'deepLink.exportPart', { part: payload.batchIndex + 1, total: payload.batchSize });
  return payload.accounts;
}

/** The preview of `accounts` against `existing` (same names ignoring case, or names that only look alike). */
export function previewLinkAccounts(accounts: readonly OtpParams[], existing: readonly AccountLabel[]): LinkPreview {
  const index = new LabelIndex(existing);
  return {
    accounts: accounts.map(({ secret: _secret, ...settings }) => {
      const match = index.find(settings);
      return { ...settings, duplicate: match === undefined ? 'none' : match.lookAlike ? 'look-alike' : 'same' };
    }),
  };
}

/**
 * The accounts to add after the user chose: `skip` leaves out those that duplicate one here,
 * `keep-both` adds them as new accounts. A link never replaces: replacing is done in the window.
 */
export function linkAccountsToAdd(accounts: readonly OtpParams[], existing: readonly AccountView[], choice: LinkDuplicateChoice): OtpParams[] {
  if (choice === 'keep-both') return [...accounts];
  const index = new LabelIndex(existing);
  return accounts.filter((account) => index.find(account) === undefined);
}

/** What the user may do with a link's duplicates. There is no "replace" on purpose. */
export type LinkDuplicateChoice = 'skip' | 'keep-both';
