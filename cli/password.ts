/** `--password-stdin`: the password of a backup or an encrypted export, read from standard input. */
import { TweestapError } from '../shared/errors';

/**
 * Reads all of stdin and drops one trailing line break (as `echo` or a here-string adds), so
 * `printf %s "$PW" | tweestap ...` and `echo "$PW" | tweestap ...` give the same password.
 */
export async function readPasswordFromStdin(stdin: AsyncIterable<Buffer | string> = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  const password = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  if (password === '') throw new TweestapError('input', 'cli.password.empty');
  return password;
}
