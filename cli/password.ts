/** `--password-stdin`: the password of a backup or an encrypted export, read from standard input. */
import { TweestapError } from '../shared/errors';
import { readStdinText } from './secret-input';

/**
 * Reads all of stdin and drops one trailing line break (as `echo` or a here-string adds), so
 * `printf %s "$PW" | tweestap ...` and `echo "$PW" | tweestap ...` give the same password.
 */
export async function readPasswordFromStdin(stdin: AsyncIterable<Buffer | string> = process.stdin): Promise<string> {
  const password = (await readStdinText(stdin)).replace(/\r?\n$/, '');
  if (password === '') throw new TweestapError('input', 'cli.password.empty');
  return password;
}
