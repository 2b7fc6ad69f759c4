/**
 * Links and keys off the command line (issue 12.3): argv is readable by every local user
 * (/proc/<pid>/cmdline) and lands in shell history and CI logs. `-` reads the link from standard
 * input, `--uri-file F` from a file, `--secret-stdin` the key from standard input.
 */
import { readRegularFile } from '../node/bounded-read';
import { TweestapError } from '../shared/errors';

/** More than any link, key or password; a bound, so `tweestap add - </dev/zero` ends. */
const MAX_INPUT_BYTES = 1024 * 1024;

/** The options that name where a link comes from, for `code`, `verify` and `inspect`. */
export const LINK_OPTIONS = {
  uri: { type: 'string' },
  'uri-file': { type: 'string' },
} as const;

/** All of standard input as text, at most MAX_INPUT_BYTES. */
export async function readStdinText(stdin: AsyncIterable<Buffer | string> = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += bytes.length;
    if (size > MAX_INPUT_BYTES) throw new TweestapError('input', 'cli.input.tooLarge', { file: '-', max: MAX_INPUT_BYTES });
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A small regular file as text; a folder, a device, a FIFO (which would block) or a huge file is
 * refused before reading it (node/bounded-read.ts).
 */
export async function readSmallFile(file: string): Promise<string> {
  try {
    return (await readRegularFile(file, MAX_INPUT_BYTES)).toString('utf8');
  } catch (error) {
    if (error instanceof TweestapError && error.key === 'file.tooLarge') throw new TweestapError('input', 'cli.input.tooLarge', { file, max: MAX_INPUT_BYTES });
    throw new TweestapError('input', 'cli.source.unreadable', { file });
  }
}

/** One link from text: surrounding white space (a trailing line break from `echo`) dropped. */
function oneLink(text: string, from: string): string {
  const link = text.trim();
  if (link === '') throw new TweestapError('input', 'cli.input.empty', { from });
  return link;
}

/**
 * The link `--uri` (`-` = standard input) or `--uri-file` gives, or undefined when neither is
 * there. Both at once is a usage error.
 */
export async function linkFromOptions(values: { uri?: string; 'uri-file'?: string }, stdin?: AsyncIterable<Buffer | string>): Promise<string | undefined> {
  if (values.uri !== undefined && values['uri-file'] !== undefined) throw new TweestapError('input', 'cli.usage.uriTwice');
  if (values['uri-file'] !== undefined) return oneLink(await readSmallFile(values['uri-file']), values['uri-file']);
  if (values.uri === '-') return oneLink(await readStdinText(stdin), '-');
  return values.uri;
}

/** `--secret-stdin`: the key on standard input (white space inside it is the service's to judge). */
export async function secretFromStdin(stdin?: AsyncIterable<Buffer | string>): Promise<string> {
  return oneLink(await readStdinText(stdin), '-');
}
