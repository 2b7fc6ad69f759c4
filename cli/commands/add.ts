/** `tweestap add`: one account from a link, a QR image, or a typed key. */
import type { AccountView, UserMessage } from '../../shared/api';
import { TweestapError } from '../../shared/errors';
import { parseAlgorithm, parseCounter, parseDigits, parsePeriod } from '../../shared/otp';
import type { OtpParams } from '../../shared/otp/types';
import { addedAccounts, duplicateChoice, printAdded } from '../adding';
import { expectPositionals, parseCommandArgs, type ParsedArgs } from '../args';
import type { CliContext, Command } from '../context';
import { EXIT } from '../exit-codes';
import { secretFromStdin, linkFromOptions } from '../secret-input';
import { linksFromImage } from '../sources';

const OPTIONS = {
  image: { type: 'string' },
  secret: { type: 'string' },
  'secret-stdin': { type: 'boolean' },
  'uri-file': { type: 'string' },
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

/** The account typed with `--secret` (or `--secret-stdin`) and friends; the service validates and canonicalises it. */
export function typedAccount(values: Values, secret = values.secret): OtpParams {
  if (values.counter !== undefined && !values.hotp) throw new TweestapError('input', 'cli.usage.counterNeedsHotp');
  if (values.hotp && values.counter === undefined) throw new TweestapError('input', 'cli.usage.hotpNeedsCounter');
  return {
    type: values.hotp ? 'hotp' : 'totp',
    issuer: values.issuer ?? '',
    account: values.account ?? '',
    secret: secret ?? '',
    algorithm: parseAlgorithm(values.algorithm ?? 'SHA1'),
    digits: parseDigits(values.digits ?? '6'),
    period: parsePeriod(values.period ?? '30'),
    counter: values.counter === undefined ? 0 : parseCounter(values.counter),
  };
}

export const addCommand: Command = {
  help: `Usage:
  tweestap add - [--replace|--keep-both] [--json]      (the link on standard input: recommended)
  tweestap add --uri-file <file> [--replace|--keep-both] [--json]
  tweestap add --image <file> [--replace|--keep-both] [--json]
  tweestap add --secret-stdin --issuer <name> --account <name> [--algorithm A] [--digits N]
               [--period S] [--hotp --counter N] [--replace|--keep-both] [--json]
  tweestap add <otpauth-uri> | --secret <base32> ...   (the key ends up in argv: avoid)

A key or link on the command line can be read by other users of this computer
(/proc/<pid>/cmdline) and stays in shell history and CI logs: use "-", --uri-file or
--secret-stdin, e.g.  tweestap add - <<<"$URI"  or  printf %s "$KEY" | tweestap add --secret-stdin ...

Stores the secret in the OS keychain and the labels in the vault. An account with the same
issuer and account name (ignoring case) is never overwritten silently: without --replace or
--keep-both the command exits 2 and changes nothing.

  --image <file>    A PNG or JPEG holding the QR code (every authenticator QR in it is added).
  --secret-stdin    The key (Base32; spaces, hyphens and lower case are accepted) on standard input.
  --uri-file <file> The otpauth:// link, read from a file.
  --secret <key>    The key as an argument (avoid, see above).
  --algorithm A     SHA1 (default), SHA256 or SHA512.
  --digits N        6 (default), 7 or 8.
  --period S        TOTP step in seconds (default 30; the NSE Portal uses 20).
  --hotp            Counter-based (HOTP) instead of time-based; needs --counter N.
  --replace         Replace the existing account of that name (keeps its place and id).
  --keep-both       Add it next to the existing one.
  --json            { added: [{ id, type, issuer, account, ... }], warnings: [...] }`,

  async run(argv: string[], ctx: CliContext) {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS, true);
    const [positional] = expectPositionals(positionals, 0, 1);
    const onDuplicate = duplicateChoice(values);
    const keyOptions = values.secret !== undefined || values['secret-stdin'] === true || KEY_OPTIONS.some((name) => values[name] !== undefined);
    const linkGiven = positional !== undefined || values['uri-file'] !== undefined;
    const sources = [positional !== undefined, values['uri-file'] !== undefined, values.image !== undefined, keyOptions];
    if (sources.filter(Boolean).length !== 1 || (values.secret !== undefined && values['secret-stdin'])) {
      throw new TweestapError('input', 'cli.usage.addSource');
    }
    // Read before the keychain is opened: a bad link or an empty stdin changes nothing.
    const uri = linkGiven ? await linkFromOptions({ uri: positional, 'uri-file': values['uri-file'] }) : undefined;
    const secret = values['secret-stdin'] ? await secretFromStdin() : values.secret;
    const service = await ctx.accounts();
    const added: AccountView[] = [];
    const warnings: UserMessage[] = [];
    const collect = (result: ReturnType<typeof addedAccounts>) => {
      added.push(...result.accounts);
      warnings.push(...result.warnings);
    };
    if (keyOptions) {
      collect(addedAccounts(await service.add(typedAccount(values, secret), onDuplicate)));
    } else {
      const links = uri !== undefined ? [uri] : await linksFromImage(values.image as string);
      for (const link of links) collect(addedAccounts(await service.addFromUri(link, onDuplicate)));
    }
    printAdded(ctx, added, warnings, values.json ?? false);
    return EXIT.ok;
  },
};
