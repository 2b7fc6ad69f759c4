/** Dispatching a command line to its command, with help, version and error reporting. */
import { TweestapError } from '../shared/errors';
import { readsKeychain, wantsHelp } from './command-line';
import type { CliContext, CommandEntry } from './context';
import { EXIT, exitCodeFor, type ExitCode } from './exit-codes';
import { redactedMessage } from './redact';

function overview(commands: readonly CommandEntry[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: tweestap <command> [options]    (tweestap <command> --help for details)',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Exit codes: 0 ok, 1 verification failed or nothing found, 2 bad input or usage,',
    '            3 keychain unavailable, 4 vault unreadable.',
    'Environment: TWEESTAP_HOME (data folder), TWEESTAP_KEYCHAIN_SERVICE, LANG/LC_ALL (nl or en).',
    'Keep links and keys out of the command line (other users can read it; it stays in shell',
    'history and CI logs): give them on standard input (-, --secret-stdin) or with --uri-file.',
  ].join('\n');
}

/** Writes a failure as one line on stderr (no stack trace) and returns its exit code. */
function report(error: unknown, ctx: CliContext, command: CommandEntry | undefined): ExitCode {
  if (error instanceof TweestapError) {
    // A link or key typed in the wrong place is not quoted back (issue 12.3).
    ctx.warn(`tweestap: ${redactedMessage(error, ctx.t)}`);
    if (error.key.startsWith('cli.usage.')) ctx.warn(ctx.t('cli.usage.hint', { command: command ? `${command.name} ` : '' }));
    return exitCodeFor(error.kind);
  }
  // Only the error's name: an unexpected message could quote input we must not echo.
  ctx.warn(`tweestap: ${ctx.t('cli.internal', { name: error instanceof Error ? error.name : typeof error })}`);
  if (ctx.debug && error instanceof Error && error.stack) ctx.warn(error.stack);
  return EXIT.internal;
}

/**
 * Runs one command line (`argv` without `node` and the script) and returns the exit code.
 * Never throws: every failure is reported on stderr through `ctx`.
 */
export async function runCli(argv: readonly string[], ctx: CliContext, commands: readonly CommandEntry[], version: string): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const topic = commands.find((c) => c.name === rest[0]);
    ctx.out(topic ? (await topic.load()).help : overview(commands));
    return EXIT.ok;
  }
  if (name === '--version' || name === '-V') {
    ctx.out(version);
    return EXIT.ok;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) return report(new TweestapError('input', 'cli.usage.unknownCommand', { command: name }), ctx, undefined);
  try {
    if (readsKeychain(argv, [entry])) ctx.prepareKeychain();
    const command = await entry.load();
    if (wantsHelp(rest)) {
      ctx.out(command.help);
      return EXIT.ok;
    }
    return await command.run(rest, ctx);
  } catch (error) {
    return report(error, ctx, entry);
  }
}
