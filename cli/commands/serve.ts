/** `tweestap serve`: codes over loopback HTTP for test suites in any language (issue 13). */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { rm } from 'node:fs/promises';
import { writeFileAtomic } from '../../node/atomic-file';
import { errorCode } from '../../node/file-lock';
import { TweestapError } from '../../shared/errors';
import { integerOption, parseCommandArgs } from '../args';
import type { CliContext, Command } from '../context';
import { EXIT } from '../exit-codes';
import { codesHandler } from '../serve-http';

const OPTIONS = {
  port: { type: 'string' },
  'token-file': { type: 'string' },
} as const;

/** How long in-flight requests (a fresh code being waited for) may finish after a stop signal. */
const SHUTDOWN_GRACE_MS = 2000;

/** Listens on 127.0.0.1:`port`; a port in use is a usage error (exit 2). */
function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error) => {
      reject(errorCode(error) === 'EADDRINUSE' || errorCode(error) === 'EACCES' ? new TweestapError('input', 'cli.serve.portInUse', { port }) : error);
    });
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}

/** Resolves at the first SIGINT or SIGTERM. */
function stopSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

export const serveCommand: Command = {
  help: `Usage:
  tweestap serve [--port N] [--token-file F]

Serves codes over HTTP on 127.0.0.1 only, for test suites in any language. The first line on
standard output is one JSON object: {"url":"http://127.0.0.1:PORT","token":"..."}. Every
request needs "Authorization: Bearer <token>" (else 401); a Host or Origin other than that
address gets 403. Read-only: nothing can be added, removed or read as a secret over HTTP.

  GET /v1/codes?query=Q[&fresh=1][&minValid=S][&maxWait=S][&at=T][&offset=S][&window=N]
      200 and the same JSON array as "tweestap code Q --json"; fresh=1 shares the ledger of
      "code --fresh", so the CLI and HTTP never hand out one step twice. Errors:
      { "error": { "kind", "message" } } with 400 (bad input), 404 (no match), 409 (the next
      fresh code is further away than maxWait) or 500.

  --port N         The port (default 0: any free port, see the first line).
  --token-file F   Write the token to F (mode 0600) instead of the first line; removed on exit.

SIGINT (Ctrl+C) or SIGTERM stops it. A port in use exits 2.`,

  async run(argv: string[], ctx: CliContext) {
    const { values } = parseCommandArgs(argv, OPTIONS, false);
    const requested = integerOption('port', values.port, 0, 0, 65_535);
    const token = randomBytes(32).toString('base64url');
    let host = '';
    // The handler needs the port, which is known once listening (--port 0).
    const server = createServer((req, res) => handler(req, res));
    let handler: ReturnType<typeof codesHandler> = (_req, res) => void res.writeHead(503).end();
    const stopped = stopSignal();
    const port = await listen(server, requested);
    host = `127.0.0.1:${port}`;
    handler = codesHandler(ctx, { host, token });
    const url = `http://${host}`;
    const tokenFile = values['token-file'];
    try {
      if (tokenFile !== undefined) await writeFileAtomic(tokenFile, token);
      ctx.out(JSON.stringify(tokenFile === undefined ? { url, token } : { url }));
      ctx.warn(ctx.t('cli.serve.listening', { url }));
      await stopped;
    } finally {
      server.close();
      server.closeIdleConnections();
      const grace = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
      await new Promise((resolve) => server.once('close', resolve));
      clearTimeout(grace);
      if (tokenFile !== undefined) await rm(tokenFile, { force: true });
    }
    ctx.warn(ctx.t('cli.serve.stopped'));
    return EXIT.ok;
  },
};
