/** `tweestap clock check <url>`: how far this computer's clock is from a web server's `Date`. */
import { TweestapError } from '../../shared/errors';
import { checkClock } from '../../node/clock-check';
import { expectPositionals, parseCommandArgs } from '../args';
import type { CliContext, Command } from '../context';
import { EXIT } from '../exit-codes';

export const clockCommand: Command = {
  help: `Usage:
  tweestap clock check <url> [--json]

Sends a few HEAD requests to <url> (http:// or https://; the app itself only uses https://),
reads each answer's Date header and compares it with this computer's clock, taking the middle
of each round trip. Prints the offset in milliseconds: positive when this computer is behind.
This is the only command that uses the network, and only the address you give.

Exits 0 with the offset, 1 when no answer had a usable Date header (or none came), 2 on a bad URL.

  --json   JSON: { "offsetMs": number, "samples": number, "url": string }.`,

  async run(argv: string[], ctx: CliContext) {
    const { values, positionals } = parseCommandArgs(argv, { json: { type: 'boolean' } }, true);
    const [verb, url] = expectPositionals(positionals, 2, 2);
    if (verb !== 'check') throw new TweestapError('input', 'cli.usage.unknownCommand', { command: `clock ${verb}` });
    const result = await checkClock(url!, { allowHttp: true, now: () => ctx.clock.now() });
    if (values.json) ctx.json({ offsetMs: result.offsetMs, samples: result.samples, url: result.url });
    else ctx.out(ctx.t('cli.clock.offset', { offset: result.offsetMs, samples: result.samples, url: result.url }));
    return EXIT.ok;
  },
};
