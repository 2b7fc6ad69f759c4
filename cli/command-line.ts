/**
 * What a command line asks for, decided before the CLI's modules load: light on purpose (no
 * messages, no services), because the entry point reads it first to start the keychain worker.
 */
import type { CommandEntry } from './context';

/** `--help` or `-h` before any `--` asks for help instead of running the command. */
export function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/** True when `argv` runs a command that will read a secret from the keychain (not its help). */
export function readsKeychain(argv: readonly string[], commands: readonly Pick<CommandEntry, 'name' | 'needsKeychain'>[]): boolean {
  const [name, ...rest] = argv;
  const entry = commands.find((c) => c.name === name);
  return Boolean(entry?.needsKeychain?.(rest)) && !wantsHelp(rest);
}
