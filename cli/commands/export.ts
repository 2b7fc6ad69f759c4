/** `tweestap export`: every account as otpauth links or as Google Authenticator QR images. */
import { randomInt } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import QRCode from 'qrcode';
import { TweestapError } from '../../shared/errors';
import { encodeMigrationUris, formatOtpauthUri, migrationPeriodWarnings } from '../../shared/otp';
import type { OtpParams } from '../../shared/otp/types';
import { parseCommandArgs } from '../args';
import type { CliContext, Command } from '../context';
import { EXIT } from '../exit-codes';

const OPTIONS = { uris: { type: 'boolean' }, 'migration-qr': { type: 'string' } } as const;

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

Exports every account WITH ITS SECRET; keep the output safe.

  --uris               Print one otpauth:// link per account.
  --migration-qr <dir> Write Google Authenticator "Transfer accounts" QR codes as PNG files
                       (tweestap-export-1-of-N.png, ...) into <dir>, to scan with a phone. The
                       format has no period: accounts with a period other than 30 s are named
                       in a warning (a phone would show wrong codes for them).`,

  async run(argv: string[], ctx: CliContext) {
    const { values } = parseCommandArgs(argv, OPTIONS, false);
    if (Boolean(values.uris) === (values['migration-qr'] !== undefined)) throw new TweestapError('input', 'cli.usage.exportWhat');
    const accounts = await (await ctx.accounts()).exportAccounts();
    if (accounts.length === 0) throw new TweestapError('not-found', 'cli.export.empty');
    if (values.uris) {
      for (const account of accounts) ctx.out(formatOtpauthUri(account));
      return EXIT.ok;
    }
    for (const w of migrationPeriodWarnings(accounts)) ctx.warn(ctx.t(w.key, w.params));
    for (const file of await writeMigrationQrs(accounts, values['migration-qr'] as string)) ctx.out(file);
    return EXIT.ok;
  },
};
