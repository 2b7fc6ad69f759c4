/**
 * Option parsing for every command: node:util parseArgs in strict mode, with its errors turned
 * into translated usage errors (exit 2).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { TweestapError } from '../shared/errors';

type Options = NonNullable<ParseArgsConfig['options']>;
/** What parseCommandArgs returns for a command's `options`: typed values and the positionals. */
export type ParsedArgs<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: boolean }>>;

/** A signed number given as a separate word (`--offset -30`) is the option's value, not an option. */
function joinSignedValues(argv: readonly string[], options: Options): string[] {
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] as string;
    const next = argv[i + 1];
    const name = word.startsWith('--') ? word.slice(2) : undefined;
    if (name && options[name]?.type === 'string' && next !== undefined && /^[-+]\d/.test(next)) {
      joined.push(`${word}=${next}`);
      i++;
    } else {
      joined.push(word);
    }
  }
  return joined;
}

/** The first quoted word of a parseArgs error message: the option or argument it is about. */
function quotedWord(message: string): string {
  return /'([^'\s]+)/.exec(message)?.[1] ?? '';
}

/**
 * Parses `argv` against `options` with strict checking. Unknown options, missing or unexpected
 * option values and surplus arguments become `TweestapError('input', 'cli.usage.*')`.
 */
export function parseCommandArgs<O extends Options>(argv: readonly string[], options: O, allowPositionals: boolean): ParsedArgs<O> {
  try {
    return parseArgs({ args: joinSignedValues(argv, options), options, strict: true, allowPositionals });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const word = quotedWord((error as Error).message);
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new TweestapError('input', 'cli.usage.unknownOption', { option: word });
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw new TweestapError('input', 'cli.usage.extraArgument', { argument: word });
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new TweestapError('input', 'cli.usage.optionValue', { option: word });
    throw error;
  }
}

/** The positional arguments, checked against the number the command takes. */
export function expectPositionals(positionals: readonly string[], min: number, max: number): string[] {
  if (positionals.length < min) throw new TweestapError('input', 'cli.usage.missingArgument');
  if (positionals.length > max) throw new TweestapError('input', 'cli.usage.extraArgument', { argument: positionals[max] as string });
  return [...positionals];
}

/** A whole number option within [min, max]; `fallback` when absent. */
export function integerOption(option: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const value = /^[-+]?\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new TweestapError('input', 'cli.usage.integer', { option: `--${option}`, min, max });
  }
  return value;
}

/** The options of the commands that compute codes at a moment: `code` and `verify`. */
export const MOMENT_OPTIONS = {
  uri: { type: 'string' },
  at: { type: 'string' },
  offset: { type: 'string' },
  window: { type: 'string' },
  json: { type: 'boolean' },
} as const;
