/** `tweestap import`: a Google Authenticator export or a list of links, all accounts or none. */
import type { AccountView, UserMessage } from '../../shared/api';
import { checkNewAccount } from '../../node/accounts';
import { importFile } from '../../node/importers';
import { TweestapError } from '../../shared/errors';
import { decodeMigrationUri, describeQrText, MigrationBatch, migrationImportWarnings, parseOtpauthUri, weakSecretWarnings } from '../../shared/otp';
import { LabelIndex } from '../../shared/otp/look-alike';
import type { OtpParams } from '../../shared/otp/types';
import { addedAccounts, duplicateChoice, printAdded } from '../adding';
import { expectPositionals, parseCommandArgs } from '../args';
import type { CliContext, Command } from '../context';
import { EXIT } from '../exit-codes';
import { readPasswordFromStdin } from '../password';
import { accountLabel } from '../query';
import { importSourceOf } from '../sources';

const OPTIONS = {
  'dry-run': { type: 'boolean' },
  replace: { type: 'boolean' },
  'keep-both': { type: 'boolean' },
  json: { type: 'boolean' },
  'password-stdin': { type: 'boolean' },
} as const;

/** Everything an import would add, parsed and checked before anything is written. */
export interface ImportPlan {
  accounts: OtpParams[];
  warnings: UserMessage[];
}

/**
 * Parses every link: otpauth links directly, migration parts assembled into one complete batch
 * (a missing part is an input error naming it, counting from 1). Warns where an exported
 * account's period (always 30) differs from a `known` account of the same name. Stores nothing.
 */
export function planImport(links: readonly string[], known: readonly AccountView[]): ImportPlan {
  const accounts: OtpParams[] = [];
  let batch: MigrationBatch | null = null;
  for (const link of links) {
    if (describeQrText(link) === 'otpauth') {
      accounts.push(parseOtpauthUri(link));
      continue;
    }
    batch ??= new MigrationBatch();
    batch.add(decodeMigrationUri(link));
  }
  if (!batch) return { accounts, warnings: [] };
  const progress = batch.progress();
  if (!progress.complete) {
    const missing = progress.missing.map((i) => i + 1).join(', ');
    throw new TweestapError('input', 'cli.import.missingParts', { missing, total: progress.total });
  }
  const migrated = batch.accounts();
  return { accounts: [...accounts, ...migrated], warnings: migrationImportWarnings(migrated, known) };
}

/**
 * Reads an export file (Tweestap backup, Aegis, 2FAS): every account it holds, and each entry it
 * had to skip as a warning. An encrypted file without `password` is an input error saying how to
 * pass one.
 */
async function planExportFile(bytes: Buffer, password: string | undefined, ctx: CliContext): Promise<ImportPlan> {
  try {
    const imported = await importFile(bytes, password);
    const warnings = imported.skipped.map(({ position, label, key, params }) => ({
      key: 'cli.import.skipped' as const,
      params: { position, label, reason: ctx.t(key, params) },
    }));
    return { accounts: imported.accounts, warnings };
  } catch (error) {
    if (error instanceof TweestapError && error.key === 'import.passwordRequired') throw new TweestapError('input', 'cli.password.needed');
    throw error;
  }
}

/**
 * Accounts of the plan whose issuer and account name are taken (ignoring case) or only look like
 * taken ones (shared/otp/look-alike.ts, then named with what they look like), also within the plan.
 */
function duplicatesOf(plan: ImportPlan, existing: readonly AccountView[], ctx: CliContext): string[] {
  const taken = new LabelIndex<{ issuer: string; account: string }>(existing);
  const duplicates: string[] = [];
  for (const account of plan.accounts) {
    const found = taken.find(account);
    if (found?.lookAlike) duplicates.push(ctx.t('cli.import.lookAlikeLabel', { label: accountLabel(account), existing: accountLabel(found.match) }));
    else if (found) duplicates.push(accountLabel(account));
    taken.add(account);
  }
  return duplicates;
}

/** The labels and settings of a planned account, never its secret. */
function preview({ secret: _secret, ...rest }: OtpParams) {
  return rest;
}

export const importCommand: Command = {
  help: `Usage:
  tweestap import <migration-uri | image | text file of URIs | export file> [--password-stdin]
                  [--dry-run] [--replace|--keep-both] [--json]

Imports every account of an otpauth-migration:// link (Google Authenticator's "Transfer
accounts"), of the QR codes in a PNG or JPEG, of a text file with one otpauth:// or
otpauth-migration:// link per line (all parts of a multi-part export), of a Tweestap backup
(tweestap export --backup), or of an Aegis (plain or encrypted) or 2FAS export. All accounts or none:
every link is checked, and a missing export part or a name that already exists stops the import
before anything is written (exit 2). The export format has no period: imported accounts get
30 s, with a warning where an account of the same name has another period (the NSE Portal: 20).

  --password-stdin  Read the password of a backup or an encrypted export from standard input.
  --dry-run     Show what would be imported; change nothing.
  --replace     Replace existing accounts of the same issuer and account name.
  --keep-both   Keep existing accounts and add the imported ones beside them.
  --json        { added: [...], warnings: [...] }; with --dry-run { dryRun: true, accounts, warnings }.`,

  async run(argv: string[], ctx: CliContext) {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS, true);
    const [source] = expectPositionals(positionals, 1, 1);
    const onDuplicate = duplicateChoice(values);
    const input = await importSourceOf(source as string);
    const password = values['password-stdin'] ? await readPasswordFromStdin() : undefined;
    const service = await ctx.accounts();
    const existing = await service.listAccounts();
    const plan = input.kind === 'links' ? planImport(input.links, existing) : await planExportFile(input.bytes, password, ctx);
    if (values['dry-run']) {
      // The same checks and warnings as the real import below (node/accounts.ts addMany).
      const checked = plan.accounts.map(checkNewAccount);
      const warnings = [...plan.warnings, ...weakSecretWarnings(checked)].map((w) => ctx.t(w.key, w.params));
      if (values.json) return ctx.json({ dryRun: true, accounts: plan.accounts.map(preview), warnings }), EXIT.ok;
      for (const text of warnings) ctx.warn(text);
      for (const a of plan.accounts) ctx.out(ctx.t('cli.import.wouldAdd', { label: accountLabel(a) }));
      return EXIT.ok;
    }
    const duplicates = duplicatesOf(plan, existing, ctx);
    if (onDuplicate === 'ask' && duplicates.length > 0) {
      throw new TweestapError('input', 'cli.import.duplicates', { labels: duplicates.join('; ') });
    }
    // One vault write for all accounts: an interrupted import leaves nothing half-done.
    const { accounts: added, warnings } = addedAccounts(await service.addMany(plan.accounts, onDuplicate));
    printAdded(ctx, added, [...plan.warnings, ...warnings], values.json ?? false);
    return EXIT.ok;
  },
};
