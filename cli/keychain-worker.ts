/**
 * The keychain worker (bundled to dist/cli/keychain-worker.mjs): a tiny child process that runs
 * keytar for the CLI, so that a keychain call stuck in native code blocks this child, never the
 * CLI itself. The CLI's side is electron/platform/keychain-process.ts, which kills this process
 * on a timeout and when the CLI exits.
 *
 * Protocol, one JSON object per line:
 *   stdin:  { "id": 1, "op": "findCredentials" | "setPassword" | "deletePassword", "args": [...] }
 *   stdout: { "id": 1, "ok": true, "value": ... }
 *         | { "id": 1, "ok": false, "message": "...", "error"?: { kind, key, params } }
 * Replies carry secrets (findCredentials) over the pipe only; nothing is ever logged. The worker
 * ends when stdin closes.
 */
import { createInterface } from 'node:readline';
import { loadKeytar, type KeytarBackend } from '../electron/platform/keychain';
import { TweestapError } from '../shared/errors';

type Operation = keyof KeytarBackend;
const OPERATIONS: Record<Operation, number> = { findCredentials: 1, setPassword: 3, deletePassword: 2 };

interface Request {
  id: number;
  op: Operation;
  args: string[];
}

/** The request on `line`, or null when it is not one (the worker is only ever fed by our parent). */
function parseRequest(line: string): Request | null {
  try {
    const value = JSON.parse(line) as Partial<Request>;
    const arity = typeof value.op === 'string' && Object.hasOwn(OPERATIONS, value.op) ? OPERATIONS[value.op] : -1;
    const argsOk = Array.isArray(value.args) && value.args.length === arity && value.args.every((a) => typeof a === 'string');
    return Number.isSafeInteger(value.id) && argsOk ? (value as Request) : null;
  } catch {
    return null;
  }
}

function reply(message: object): void {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

/** Runs one request; keytar's own error message is passed on (it never quotes a secret). */
async function serve(keytar: Promise<KeytarBackend>, request: Request): Promise<void> {
  try {
    const backend = await keytar;
    const call = backend[request.op] as (...args: string[]) => Promise<unknown>;
    reply({ id: request.id, ok: true, value: (await call.apply(backend, request.args)) ?? null });
  } catch (error) {
    const relayed = error instanceof TweestapError ? { error: { kind: error.kind, key: error.key, params: error.params } } : {};
    reply({ id: request.id, ok: false, message: error instanceof Error ? error.message : String(error), ...relayed });
  }
}

const keytar = loadKeytar();
keytar.catch(() => undefined); // reported per request
createInterface({ input: process.stdin }).on('line', (line) => {
  const request = parseRequest(line);
  if (request) void serve(keytar, request);
  else reply({ id: -1, ok: false, message: 'keychain worker: malformed request' });
});
