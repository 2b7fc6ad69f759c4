/**
 * The `tweestap` command (bundled to dist/cli/tweestap.mjs). Runs one command, flushes its
 * output and exits explicitly: a keytar call stuck in native code must not keep the process alive.
 */
import { readFileSync } from 'node:fs';
import { addCommand } from './commands/add';
import { codeCommand } from './commands/code';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { inspectCommand } from './commands/inspect';
import { listCommand } from './commands/list';
import { removeCommand } from './commands/remove';
import { renameCommand } from './commands/rename';
import { scanCommand } from './commands/scan';
import { verifyCommand } from './commands/verify';
import type { Command } from './context';
import { processContext } from './context';
import { runCli } from './run';

const COMMANDS: readonly Command[] = [
  listCommand,
  addCommand,
  codeCommand,
  verifyCommand,
  inspectCommand,
  scanCommand,
  removeCommand,
  renameCommand,
  importCommand,
  exportCommand,
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

const exitCode = await runCli(process.argv.slice(2), processContext(process.env), COMMANDS, packageVersion());
await Promise.all([flush(process.stdout), flush(process.stderr)]);
process.exit(exitCode);
