/** `tweestap code`: codes of one account, every account, or a link (argv, stdin or a file). */
import { parseCommandArgs, expectPositionals } from '../args';
import { codeRows, DEFAULT_MAX_WAIT_SECONDS } from '../code-request';
import { printCodeRows } from '../codes';
import type { CliContext, Command } from '../context';
import { EXIT } from '../exit-codes';
import { LINK_OPTIONS, linkFromOptions } from '../secret-input';

const OPTIONS = {
  ...LINK_OPTIONS,
  at: { type: 'string' },
  offset: { type: 'string' },
  window: { type: 'string' },
  fresh: { type: 'boolean' },
  'min-valid': { type: 'string' },
  'max-wait': { type: 'string' },
  json: { type: 'boolean' },
} as const;

export const codeCommand: Command = {
  help: `Usage:
  tweestap code [<query>] [--at T] [--offset ±S] [--window N] [--json]
  tweestap code <query> --fresh [--min-valid S] [--max-wait S] [--json]
  tweestap code --uri - [--fresh] [...]          (the link on standard input: recommended)
  tweestap code --uri-file <file> [--fresh] [...]
  tweestap code --uri <otpauth-uri> [...]        (the key ends up in argv: avoid)

Shows the code of every account, or of the one account <query> names (issuer, account or id,
case-insensitive; an ambiguous query exits 2 and lists the candidates). An HOTP account shows
its next code only when named: the counter is advanced and saved before the code is shown.
Exits 1 when there is no code to show.

A link on the command line can be read by other users of this computer (/proc/<pid>/cmdline)
and stays in shell history and CI logs: give it with --uri - or --uri-file instead.

  --uri <uri>        Compute from this otpauth:// link only; no vault, no keychain.
                     "-" reads the link from standard input. HOTP: the link's counter.
  --uri-file <file>  The same, the link read from a file.
  --fresh            A code of a time step no earlier --fresh call on this computer handed out
                     for this account (or link), CLI and tweestap serve alike: parallel test
                     workers never type the same code twice. Waits for the next step when
                     the current one is taken.
  --min-valid S      The code stays valid at least S more seconds (S below the period);
                     otherwise waits for the next step.
  --max-wait S       Wait at most S seconds (default ${DEFAULT_MAX_WAIT_SECONDS}); beyond that exit 1 and say how long.
  --at T             The moment: ISO-8601 (2025-01-31T12:00:00Z) or @<unix seconds>. Default: now.
                     With --fresh or --min-valid the wait is then virtual: no time passes.
  --offset ±S        Shift the moment by S seconds (e.g. --offset -30).
  --window N         Also the N steps before and after (HOTP: the N counters after). Default 0.
  --json             JSON: [{ id, issuer, account, step, validFrom, validUntil, remainingMs,
                     code }], times as ISO-8601 UTC (null and step = counter for HOTP; id null
                     with --uri).`,

  async run(argv: string[], ctx: CliContext) {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS, true);
    const [query] = expectPositionals(positionals, 0, 1);
    const json = values.json ?? false;
    const rows = await codeRows(
      { ...ctx, progress: json ? undefined : ctx.warn },
      {
        query,
        uri: await linkFromOptions(values),
        at: values.at,
        offset: values.offset,
        window: values.window,
        fresh: values.fresh,
        minValid: values['min-valid'],
        maxWait: values['max-wait'],
      },
    );
    printCodeRows(ctx, rows, json);
    return rows.length > 0 ? EXIT.ok : EXIT.failed;
  },
};
