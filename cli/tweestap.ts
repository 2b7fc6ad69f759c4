/**
 * The `tweestap` command (bundled to dist/cli/tweestap.mjs). Runs one command, flushes its
 * output and exits explicitly: a keytar call stuck in native code must not keep the process alive.
 *
 * A command that reads a secret starts the keychain worker first, before the rest of the CLI
 * loads, so that the worker's Node start-up runs beside ours instead of after it (issue 13:
 * `code <one>` within 2x of a stateless `code --uri`). Only light modules are imported statically.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startNodeKeychainWorkerAhead } from '../node/keychain/node-transport';
import { readsKeychain } from './command-line';
import type { CommandEntry } from './context';

/** `code` and `verify` read a secret from the keychain unless the link is given (--uri, --uri-file). */
function fromVault(argv: readonly string[]): boolean {
  return !argv.some((word) => /^--uri(-file)?(=|$)/.test(word));
}

/** Every command; each module is imported only when its command runs. */
const COMMANDS: readonly CommandEntry[] = [
  { name: 'list', summary: 'List the accounts (never their secrets)', load: async () => (await import('./commands/list')).listCommand },
  { name: 'add', summary: 'Add an account from an otpauth URI, a QR image or a key', load: async () => (await import('./commands/add')).addCommand },
  { name: 'code', summary: 'Show current codes (of the vault, one account, or an otpauth URI)', load: async () => (await import('./commands/code')).codeCommand, needsKeychain: fromVault },
  { name: 'verify', summary: 'Check a code against an account or an otpauth URI', load: async () => (await import('./commands/verify')).verifyCommand, needsKeychain: fromVault },
  { name: 'inspect', summary: 'Show what an otpauth:// or otpauth-migration:// URI holds (prints the secret)', load: async () => (await import('./commands/inspect')).inspectCommand },
  { name: 'scan', summary: 'Print every QR code text found in PNG or JPEG images', load: async () => (await import('./commands/scan')).scanCommand },
  { name: 'remove', summary: 'Remove an account and its secret', load: async () => (await import('./commands/remove')).removeCommand },
  { name: 'rename', summary: 'Change the issuer or account name of an account', load: async () => (await import('./commands/rename')).renameCommand },
  { name: 'import', summary: 'Import a Google Authenticator export or a file of otpauth links', load: async () => (await import('./commands/import')).importCommand },
  { name: 'serve', summary: 'Serve codes over loopback HTTP for test suites in any language', load: async () => (await import('./commands/serve')).serveCommand },
  { name: 'clock', summary: 'Check this computer\'s clock against a web server (clock check <url>)', load: async () => (await import('./commands/clock')).clockCommand },
  { name: 'export', summary: 'Export every account with its secret (otpauth links or migration QR images)', load: async () => (await import('./commands/export')).exportCommand },
];

/** The package version, read next to the bundle (dist/cli → package.json). */
function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** Resolves once everything written so far has been handed to the OS. */
function flush(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}

const argv = process.argv.slice(2);
// keytar runs in the keychain worker, bundled next to this entry file (dist/cli/keychain-worker.mjs).
const keychainWorker = fileURLToPath(new URL('./keychain-worker.mjs', import.meta.url));
const started = readsKeychain(argv, COMMANDS) ? startNodeKeychainWorkerAhead({ workerPath: keychainWorker, env: process.env }) : undefined;
const [{ processContext }, { runCli }] = await Promise.all([import('./context'), import('./run')]);
const exitCode = await runCli(argv, processContext(process.env, { path: keychainWorker, started }), COMMANDS, packageVersion());
await Promise.all([flush(process.stdout), flush(process.stderr)]);
process.exit(exitCode);
