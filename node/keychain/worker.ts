/**
 * The keychain worker: a tiny process that runs keytar, so that a keychain call stuck in native
 * code blocks (and a keytar crash ends) this process, never the CLI or the app. The other side is
 * keychain-process.ts, which kills this process on a timeout and when its own process exits.
 * Bundled twice: dist/cli/keychain-worker.mjs, a Node child of the CLI, and
 * dist/electron/keychain-worker.cjs, an Electron utility process of the app.
 *
 * Protocol, the same objects on either channel:
 *   request: { "id": 1, "op": "findCredentials" | "getPassword" | "setPassword" | "deletePassword", "args": [...] }
 *   reply:   { "id": 1, "ok": true, "value": ... }
 *          | { "id": 1, "ok": false, "message": "...", "error"?: { kind, key, params } }
 * Channel: messages on process.parentPort in a utility process; otherwise one JSON object per
 * line on stdin/stdout, and the worker ends when stdin closes. Replies carry secrets
 * (findCredentials, getPassword) over that channel only; nothing is ever logged.
 */
import { createInterface } from 'node:readline';
import { TweestapError } from '../../shared/errors';
import { loadKeytar, type KeytarBackend } from './keychain';

type Operation = keyof KeytarBackend;

/** The entry the warm-up looks for: never written by anyone. */
const WARM_UP = { service: 'tweestap-connection-warm-up', account: 'never-stored' };
const OPERATIONS: Record<Operation, number> = { findCredentials: 1, getPassword: 2, setPassword: 3, deletePassword: 2 };

interface Request {
  id: number;
  op: Operation;
  args: string[];
}

/** The part of Electron's process.parentPort the worker uses (no electron import in a worker). */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

/** `value` as a request, or null when it is not one (the worker is only ever fed by our parent). */
function asRequest(value: unknown): Request | null {
  if (typeof value !== 'object' || value === null) return null;
  const { id, op, args } = value as Partial<Request>;
  const arity = typeof op === 'string' && Object.hasOwn(OPERATIONS, op) ? OPERATIONS[op] : -1;
  const argsOk = Array.isArray(args) && args.length === arity && args.every((a) => typeof a === 'string');
  return Number.isSafeInteger(id) && argsOk ? (value as Request) : null;
}

/** Runs one request; keytar's own error message is passed on (it never quotes a secret). */
async function serve(keytar: Promise<KeytarBackend>, request: Request, reply: (message: object) => void): Promise<void> {
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

/**
 * On Linux, open the Secret Service connection while the parent is still loading the vault: a
 * lookup of an entry that never exists connects to D-Bus without asking to unlock anything
 * (libsecret prompts only for locked items that match, and none does). Its result is ignored.
 * Not on macOS, where a lookup in a locked keychain may ask to unlock it.
 */
if (process.platform === 'linux') {
  void keytar.then((backend) => backend.getPassword(WARM_UP.service, WARM_UP.account)).catch(() => undefined);
}

const handle = (value: unknown, reply: (message: object) => void): void => {
  const request = asRequest(value);
  if (request) void serve(keytar, request, reply);
  else reply({ id: -1, ok: false, message: 'keychain worker: malformed request' });
};

// Electron sets parentPort in a utility process only; Node's typings do not know it.
const parentPort = (process as { parentPort?: ParentPort }).parentPort;
if (parentPort) {
  const reply = (message: object) => parentPort.postMessage(message);
  parentPort.on('message', (event) => handle(event.data, reply));
} else {
  const reply = (message: object) => void process.stdout.write(`${JSON.stringify(message)}\n`);
  createInterface({ input: process.stdin }).on('line', (line) => {
    let value: unknown = null;
    try {
      value = JSON.parse(line);
    } catch {
      // answered as malformed below
    }
    handle(value, reply);
  });
}
