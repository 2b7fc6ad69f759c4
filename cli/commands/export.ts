/** `tweestap export`: every account as otpauth links, Google Authenticator QR images or an encrypted backup. */
import { randomInt } from 'node:crypto';
import path from 'node:path';
import QRCode from 'qrcode';
import { writeFileAtomic } from '../../node/atomic-file';
import { encryptBackup } from '../../node/backup';
import { ensurePrivateFolder } from '../../node/private-folder';
import { TweestapError } from '../../shared/errors';
import { encodeMigrationUris, formatOtpauthUri, migrationPeriodWarnings } from '../../shared/otp';
import type { OtpParams } from '../../shared/otp/types';
import { parseCommandArgs } from '../args';
import type { CliContext, Command } from '../context';
import { EXIT } from '../exit-codes';
import { readPasswordFromStdin } from '../password';

const OPTIONS = {
  uris: { type: 'boolean' },
  output: { type: 'string' },
  'migration-qr': { type: 'string' },
  backup: { type: 'string' },
  'password-stdin': { type: 'boolean' },
} as const;

/**
 * Writes one PNG per migration QR into `dir` and returns their paths. They hold secrets: the
 * folder is created 0700 (one other users can write is refused), and each file is written as
 * every secret-holding file is (node/atomic-file.ts: a random O_EXCL temporary file, 0600, renamed
 * over; a pre-existing file's mode is not kept and a planted symlink is replaced, not followed).
 */
export async function writeMigrationQrs(accounts: readonly OtpParams[], dir: string): Promise<string[]> {
  // Google Authenticator's batch ids are random signed 32-bit numbers.
  const uris = encodeMigrationUris([...accounts], { batchId: randomInt(-0x7fffffff, 0x7fffffff) });
  await ensurePrivateFolder(dir);
  const files: string[] = [];
  for (const [i, uri] of uris.entries()) {
    const file = path.join(dir, `tweestap-export-${i + 1}-of-${uris.length}.png`);
    await writeFileAtomic(file, await QRCode.toBuffer(uri, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 6 }));
    files.push(file);
  }
  return files;
}

export const exportCommand: Command = {
  help: `Usage:
  tweestap export --uris [--output <file>]
  tweestap export --migration-qr <dir>
  tweestap export --backup <file> --password-stdin

Exports every account WITH ITS SECRET; keep the output safe.

  --uris               Print one otpauth:// link per account.
  --output <file>      With --uris: write the links to <file> instead, readable by you only
                       (0600; a shell redirection would make it readable by others).
  --migration-qr <dir> Write Google Authenticator "Transfer accounts" QR codes as PNG files
                       (tweestap-export-1-of-N.png, ...) into <dir>, to scan with a phone. The
                       format has no period: accounts with a period other than 30 s are named
                       in a warning (a phone would show wrong codes for them).
  --backup <file>      Write one encrypted backup file (scrypt + AES-256-GCM, see
                       docs/backup-format.md) with the password read from standard input
                       (--password-stdin). Restore with: tweestap import <file> --password-stdin`,

  async run(argv: string[], ctx: CliContext) {
    const { values } = parseCommandArgs(argv, OPTIONS, false);
    const targets = [values.uris, values['migration-qr'], values.backup].filter((v) => v !== undefined && v !== false);
    if (targets.length !== 1) throw new TweestapError('input', 'cli.usage.exportWhat');
    if (values.output !== undefined && !values.uris) throw new TweestapError('input', 'cli.usage.outputNeedsUris');
    if (values.backup !== undefined && !values['password-stdin']) throw new TweestapError('input', 'cli.usage.backupNeedsPassword');
    const password = values['password-stdin'] ? await readPasswordFromStdin() : undefined;
    const accounts = await (await ctx.accounts()).exportAccounts();
    if (accounts.length === 0) throw new TweestapError('not-found', 'cli.export.empty');
    if (values.backup !== undefined && password !== undefined) {
      await writeFileAtomic(values.backup, await encryptBackup(accounts, password, { createdAt: ctx.clock.now() }));
      ctx.out(ctx.t('cli.export.backupWritten', { count: accounts.length, file: values.backup }));
      return EXIT.ok;
    }
    if (values.uris && values.output !== undefined) {
      await writeFileAtomic(values.output, accounts.map((account) => `${formatOtpauthUri(account)}\n`).join(''));
      ctx.out(ctx.t('cli.export.urisWritten', { count: accounts.length, file: values.output }));
      return EXIT.ok;
    }
    if (values.uris) {
      for (const account of accounts) ctx.out(formatOtpauthUri(account));
      return EXIT.ok;
    }
    for (const w of migrationPeriodWarnings(accounts)) ctx.warn(ctx.t(w.key, w.params));
    for (const file of await writeMigrationQrs(accounts, values['migration-qr'] as string)) ctx.out(file);
    return EXIT.ok;
  },
};
