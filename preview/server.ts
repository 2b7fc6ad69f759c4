/**
 * `npm run preview`: starts the preview host (preview/host.ts) and prints the one line that
 * tells a person or a test where to point the browser:
 *
 *   Tweestap preview: http://127.0.0.1:<port>/#token=<token>
 *
 * Options: `--port N` (default: a random free port). Honours TWEESTAP_HOME and
 * TWEESTAP_KEYCHAIN_SERVICE. Development and tests only; never packaged.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { startPreviewHost } from './host';

export { startPreviewHost, type PreviewHost, type PreviewHostOptions } from './host';

/** The port from `--port`, or 0 (random) when absent; throws on anything but 0–65535. */
export function portFromArgv(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { port: { type: 'string' } }, strict: true });
  if (values.port === undefined) return 0;
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65_535) throw new Error(`--port must be a number from 0 to 65535, not "${values.port}"`);
  return port;
}

async function main(): Promise<void> {
  let port: number;
  try {
    port = portFromArgv(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  const host = await startPreviewHost({ port });
  process.stdout.write(`Tweestap preview: ${host.url}\n`);
  const stop = () => void host.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

// Run only as the entry point (dist/preview/server.mjs), not when imported by a test.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
