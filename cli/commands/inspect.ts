/** `tweestap inspect`: what an otpauth or migration URI holds, parsed and nothing stored. */
import { decodeMigrationUri, parseOtpauthUri } from '../../shared/otp';
import type { OtpParams } from '../../shared/otp/types';
import { TweestapError } from '../../shared/errors';
import { expectPositionals, parseCommandArgs } from '../args';
import { LINK_OPTIONS, linkFromOptions } from '../secret-input';
import type { CliContext, Command } from '../context';
import { EXIT } from '../exit-codes';

const OPTIONS = { ...LINK_OPTIONS, json: { type: 'boolean' } } as const;

/** The fields of one account in inspect's JSON, in the order the issue gives. */
function accountFields(p: OtpParams) {
  return {
    type: p.type,
    issuer: p.issuer,
    account: p.account,
    secret: p.secret,
    algorithm: p.algorithm,
    digits: p.digits,
    period: p.period,
    counter: p.counter,
  };
}

/**
 * The inspect JSON of `uri`: `{ kind: "otpauth", ...fields }` or
 * `{ kind: "migration", version, batch: { index, size, id }, accounts: [fields] }`.
 */
export function inspectUri(uri: string) {
  if (/^otpauth-migration:/i.test(uri.trim())) {
    const payload = decodeMigrationUri(uri);
    return {
      kind: 'migration' as const,
      version: payload.version,
      batch: { index: payload.batchIndex, size: payload.batchSize, id: payload.batchId },
      accounts: payload.accounts.map(accountFields),
    };
  }
  return { kind: 'otpauth' as const, ...accountFields(parseOtpauthUri(uri)) };
}

function printFields(ctx: CliContext, fields: ReturnType<typeof accountFields>, indent: string): void {
  for (const [name, value] of Object.entries(fields)) ctx.out(`${indent}${name}: ${value}`);
}

export const inspectCommand: Command = {
  help: `Usage:
  tweestap inspect - [--json]                 (the link on standard input: recommended)
  tweestap inspect --uri-file <file> [--json]
  tweestap inspect <otpauth-or-migration-uri> [--json]   (also --uri <uri>; the key ends up in argv)

Parses the URI and prints every field, the secret included (canonical Base32); stores nothing.
A link on the command line can be read by other users of this computer and stays in shell
history and CI logs: prefer "-" (standard input) or --uri-file.

  --json   otpauth: { kind: "otpauth", type, issuer, account, secret, algorithm, digits,
           period, counter }; migration: { kind: "migration", version,
           batch: { index, size, id }, accounts: [ the same fields ] }.`,

  async run(argv: string[], ctx: CliContext) {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS, true);
    const [positional] = expectPositionals(positionals, 0, 1);
    const fromOptions = await linkFromOptions(values);
    if ((positional === undefined) === (fromOptions === undefined)) throw new TweestapError('input', 'cli.usage.oneLink');
    const uri = fromOptions ?? (await linkFromOptions({ uri: positional }));
    const result = inspectUri(uri as string);
    if (values.json) {
      ctx.json(result);
    } else if (result.kind === 'otpauth') {
      const { kind: _kind, ...fields } = result;
      printFields(ctx, fields, '');
    } else {
      ctx.out(ctx.t('cli.inspect.batch', { index: result.batch.index + 1, size: result.batch.size, id: result.batch.id, version: result.version }));
      result.accounts.forEach((account, i) => {
        ctx.out(`#${i + 1}`);
        printFields(ctx, account, '  ');
      });
    }
    return EXIT.ok;
  },
};
