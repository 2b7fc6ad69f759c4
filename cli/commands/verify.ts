/** `tweestap verify`: does a code match an account or a URI, and at which step offset. */
// Not the otp index: that would load the migration format's protobuf library on every run.
import { MAX_WINDOW, verifyHotp, verifyTotp } from '../../shared/otp/codes';
import { parseOtpauthUri } from '../../shared/otp/uri';
import type { OtpParams } from '../../shared/otp/types';
import { expectPositionals, integerOption, MOMENT_OPTIONS, parseCommandArgs } from '../args';
import { LINK_OPTIONS, linkFromOptions } from '../secret-input';
import type { CliContext, Command } from '../context';
import { EXIT } from '../exit-codes';
import { resolveMoment } from '../time';
import { selectAccount } from '../query';


/** The step (TOTP) or counter (HOTP) offset at which `code` matches, or null. Changes nothing. */
export function matchOffset(params: OtpParams, code: string, at: number, window: number): number | null {
  return params.type === 'totp' ? verifyTotp(params, code, at, window) : verifyHotp(params, code, window);
}

export const verifyCommand: Command = {
  help: `Usage:
  tweestap verify <query> <code> [--window N] [--at T] [--offset ±S] [--json]
  tweestap verify --uri - <code> [...]            (the link on standard input: recommended)
  tweestap verify --uri-file <file> <code> [...]
  tweestap verify --uri <otpauth-uri> <code> [...] (the key ends up in argv: avoid)

Exits 0 and prints the matching step offset (−1 = the previous step) when <code> is valid within
--window steps of the moment (HOTP: within the N counters from the current one), else exits 1.
Nothing is changed, also not an HOTP counter. A link on the command line can be read by other
users of this computer and stays in shell history and CI logs: prefer --uri - or --uri-file.

  --window N     Steps of tolerance on each side (default 1).
  --at T         ISO-8601 or @<unix seconds>. Default: now.
  --offset ±S    Shift the moment by S seconds.
  --json         JSON: { "valid": true|false, "offset": number|null }.`,

  async run(argv: string[], ctx: CliContext) {
    const { values, positionals } = parseCommandArgs(argv, { ...MOMENT_OPTIONS, ...LINK_OPTIONS }, true);
    const uri = await linkFromOptions(values);
    const [first, second] = expectPositionals(positionals, uri === undefined ? 2 : 1, uri === undefined ? 2 : 1);
    const code = (uri === undefined ? second : first) as string;
    const at = resolveMoment(values.at, values.offset, ctx.clock.now());
    const window = integerOption('window', values.window, 1, 0, MAX_WINDOW);
    const params = uri === undefined ? await vaultParams(ctx, first as string) : parseOtpauthUri(uri);
    const offset = matchOffset(params, code, at, window);
    if (values.json) ctx.json({ valid: offset !== null, offset });
    else ctx.out(offset === null ? ctx.t('cli.verify.invalid') : ctx.t('cli.verify.valid', { offset: signed(offset) }));
    return offset === null ? EXIT.failed : EXIT.ok;
  },
};

/** The full parameters of the account `query` names. */
async function vaultParams(ctx: CliContext, query: string): Promise<OtpParams> {
  ctx.prepareKeychain();
  const service = await ctx.accounts();
  // Labels only: just the chosen account's secret is read from the keychain.
  return service.secretOf(selectAccount(await service.listLabels(), query).id);
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}
