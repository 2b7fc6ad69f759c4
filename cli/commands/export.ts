/** `tweestap export`: every account as otpauth links, Google Authenticator QR images or an encrypted backup. */
import { randomInt } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import QRCode from 'qrcode';
import { encryptBackup } from '../../node/backup';
import { TweestapError } from '../../shared/errors';
import { encodeMigrationUris, formatOtpauthUri, migrationPeriodWarnings } from '../../shared/otp';
import type { OtpParams } from '../../shared/otp/types';
import { parseCommandArgs } from '../args';
import type { CliContext, Command } from '../context';
import { EXIT } from '../exit-codes';
import { readPasswordFromStdin } from '../password';

const OPTIONS = {
  uris: { type: 'boolean' },
  'migration-qr': { type: 'string' },
  backup: { type: 'string' },
  'password-stdin': { type: 'boolean' },
} as const;

/** Writes `bytes` to `file` readable by the owner only, via a temp file and a rename (never half a file). */
async function writePrivateFileAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temp, bytes, { mode: 0o600, flush: true });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Writes one PNG per migration QR into `dir` (created if needed, files readable by the owner
 * only: they hold secrets) and returns their paths.
 */
export async function writeMigrationQrs(accounts: readonly OtpParams[], dir: string): Promise<string[]> {
  // Google Authenticator's batch ids are random signed 32-bit numbers.
  const uris = encodeMigrationUris([...accounts], { batchId: randomInt(-0x7fffffff, 0x7fffffff) });
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  for (const [i, uri] of uris.entries()) {
    const file = path.join(dir, `tweestap-export-${i + 1}-of-${uris.length}.png`);
    await writeFile(file, await QRCode.toBuffer(uri, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 6 }), { mode: 0o600 });
    files.push(file);
  }
  return files;
}

export const exportCommand: Command = {
  help: `Usage:
  tweestap export --uris
  tweestap export --migration-qr <dir>
  tweestap export --backup <file> --password-stdin

Exports every account WITH ITS SECRET; keep the output safe.

  --uris               Print one otpauth:// link per account.
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
    if (values.backup !== undefined && !values['password-stdin']) throw new TweestapError('input', 'cli.usage.backupNeedsPassword');
    const password = values['password-stdin'] ? await readPasswordFromStdin() : undefined;
    const accounts = await (await ctx.accounts()).exportAccounts();
    if (accounts.length === 0) throw new TweestapError('not-found', 'cli.export.empty');
    if (values.backup !== undefined && password !== undefined) {
      await writePrivateFileAtomically(values.backup, await encryptBackup(accounts, password, { createdAt: ctx.clock.now() }));
      ctx.out(ctx.t('cli.export.backupWritten', { count: accounts.length, file: values.backup }));
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
