/** `tweestap add`: one account from a link, a QR image, or a typed key. */
import type { AccountView, UserMessage } from '../../shared/api';
import { TweestapError } from '../../shared/errors';
import { parseAlgorithm, parseCounter, parseDigits, parsePeriod } from '../../shared/otp';
import type { OtpParams } from '../../shared/otp/types';
import { addedAccounts, duplicateChoice, printAdded } from '../adding';
import { expectPositionals, parseCommandArgs, type ParsedArgs } from '../args';
import type { CliContext, Command } from '../context';
import { EXIT } from '../exit-codes';
import { linksFromImage } from '../sources';

const OPTIONS = {
  image: { type: 'string' },
  secret: { type: 'string' },
  issuer: { type: 'string' },
  account: { type: 'string' },
  algorithm: { type: 'string' },
  digits: { type: 'string' },
  period: { type: 'string' },
  hotp: { type: 'boolean' },
  counter: { type: 'string' },
  replace: { type: 'boolean' },
  'keep-both': { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

type Values = ParsedArgs<typeof OPTIONS>['values'];

const KEY_OPTIONS = ['issuer', 'account', 'algorithm', 'digits', 'period', 'hotp', 'counter'] as const;

/** The account typed with `--secret` and friends; the service validates and canonicalises it. */
export function typedAccount(values: Values): OtpParams {
  if (values.counter !== undefined && !values.hotp) throw new TweestapError('input', 'cli.usage.counterNeedsHotp');
  if (values.hotp && values.counter === undefined) throw new TweestapError('input', 'cli.usage.hotpNeedsCounter');
  return {
    type: values.hotp ? 'hotp' : 'totp',
    issuer: values.issuer ?? '',
    account: values.account ?? '',
    secret: values.secret ?? '',
    algorithm: parseAlgorithm(values.algorithm ?? 'SHA1'),
    digits: parseDigits(values.digits ?? '6'),
    period: parsePeriod(values.period ?? '30'),
    counter: values.counter === undefined ? 0 : parseCounter(values.counter),
  };
}

export const addCommand: Command = {
  help: `Usage:
  tweestap add <otpauth-uri> [--replace|--keep-both] [--json]
  tweestap add --image <file> [--replace|--keep-both] [--json]
  tweestap add --secret <base32> --issuer <name> --account <name> [--algorithm A] [--digits N]
               [--period S] [--hotp --counter N] [--replace|--keep-both] [--json]

Stores the secret in the OS keychain and the labels in the vault. An account with the same
issuer and account name (ignoring case) is never overwritten silently: without --replace or
--keep-both the command exits 2 and changes nothing.

  --image <file>    A PNG or JPEG holding the QR code (every authenticator QR in it is added).
  --secret <key>    Base32; spaces, hyphens and lower case are accepted.
  --algorithm A     SHA1 (default), SHA256 or SHA512.
  --digits N        6 (default), 7 or 8.
  --period S        TOTP step in seconds (default 30; the NSE Portal uses 20).
  --hotp            Counter-based (HOTP) instead of time-based; needs --counter N.
  --replace         Replace the existing account of that name (keeps its place and id).
  --keep-both       Add it next to the existing one.
  --json            { added: [{ id, type, issuer, account, ... }], warnings: [...] }`,

  async run(argv: string[], ctx: CliContext) {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS, true);
    const [uri] = expectPositionals(positionals, 0, 1);
    const onDuplicate = duplicateChoice(values);
    const keyOptions = values.secret !== undefined || KEY_OPTIONS.some((name) => values[name] !== undefined);
    if ([uri !== undefined, values.image !== undefined, keyOptions].filter(Boolean).length !== 1) {
      throw new TweestapError('input', 'cli.usage.addSource');
    }
    const service = await ctx.accounts();
    const added: AccountView[] = [];
    const warnings: UserMessage[] = [];
    const collect = (result: ReturnType<typeof addedAccounts>) => {
      added.push(...result.accounts);
      warnings.push(...result.warnings);
    };
    if (keyOptions) {
      collect(addedAccounts(await service.add(typedAccount(values), onDuplicate)));
    } else {
      const links = uri !== undefined ? [uri] : await linksFromImage(values.image as string);
      for (const link of links) collect(addedAccounts(await service.addFromUri(link, onDuplicate)));
    }
    printAdded(ctx, added, warnings, values.json ?? false);
    return EXIT.ok;
  },
};
