/**
 * A KeytarBackend that runs keytar in a child process (cli/keychain-worker.ts, bundled to
 * dist/cli/keychain-worker.mjs) instead of in this one.
 *
 * Why: a keytar call that hangs (a frozen Secret Service, an unanswered unlock prompt) is stuck in
 * native code on a libuv pool thread, and then even process.exit() waits until D-Bus gives up
 * (about 25–50 s; see keychain.ts). The CLI must end promptly after reporting a keychain problem,
 * so it keeps keytar out of its own process: a request that takes longer than `timeoutMs` kills
 * the worker (the next request starts a fresh one), and the worker is killed when this process
 * exits. Used through createKeychainStore({ loadBackend }), which adds the error translation.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { TweestapError, type ErrorKind } from '../../shared/errors';
import type { MessageKey, MessageParams } from '../../shared/i18n';
import type { KeytarBackend } from './keychain';

export interface KeychainProcessOptions {
  /** The worker script (dist/cli/keychain-worker.mjs, or the .ts source under tsx in tests). */
  workerPath: string;
  /** A request not answered within this many ms kills the worker and fails as a timeout. */
  timeoutMs: number;
  /** Extra arguments for node before the script (e.g. `--import tsx`). */
  execArgv?: string[];
  env?: NodeJS.ProcessEnv;
}

/** The backend plus a way to stop the worker before this process ends. */
export interface KeychainProcess extends KeytarBackend {
  /** Kills the worker (if running); later requests start a new one. */
  close(): void;
}

interface Reply {
  id: number;
  ok: boolean;
  value?: unknown;
  message?: string;
  error?: { kind: ErrorKind; key: MessageKey; params: MessageParams };
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/** The worker died under a request without being killed by us (keytar crashed in native code). */
class WorkerCrashed extends Error {}

type WorkerChild = ChildProcessByStdio<Writable, Readable, null>;

/** One worker process and the requests it still owes an answer. */
interface Worker {
  child: WorkerChild;
  pending: Map<number, Pending>;
}

/** Creates the out-of-process backend. Nothing is started until the first request. */
export function createKeychainProcess(options: KeychainProcessOptions): KeychainProcess {
  let current: Worker | null = null;
  let nextId = 1;

  const kill = (): void => {
    current?.child.kill('SIGKILL');
    current = null;
  };
  // Synchronous, so it also runs inside process.exit(): never leave a stuck worker behind.
  process.once('exit', kill);

  /** An idle worker must not keep this process alive; a busy one must. */
  const holdOpen = ({ child, pending }: Worker): void => {
    for (const handle of [child, child.stdin, child.stdout] as Array<{ ref(): void; unref(): void }>) {
      if (pending.size > 0) handle.ref();
      else handle.unref();
    }
  };

  const settle = (worker: Worker, id: number): Pending | undefined => {
    const request = worker.pending.get(id);
    if (!request) return undefined;
    worker.pending.delete(id);
    clearTimeout(request.timer);
    holdOpen(worker);
    return request;
  };

  const start = (): Worker => {
    const child = spawn(process.execPath, [...(options.execArgv ?? []), options.workerPath], {
      stdio: ['pipe', 'pipe', 'ignore'],
      env: options.env ?? process.env,
    });
    const worker: Worker = { child, pending: new Map() };
    const ended = (error: Error) => {
      if (current === worker) current = null;
      for (const id of [...worker.pending.keys()]) settle(worker, id)?.reject(error);
    };
    child.on('error', (error) => ended(new Error(`keychain worker ended (${error.message})`)));
    child.on('exit', (code, signal) => {
      const why = `keychain worker ended (${signal ?? `exit code ${code}`})`;
      ended(signal && signal !== 'SIGKILL' ? new WorkerCrashed(why) : new Error(why));
    });
    child.stdin.on('error', () => undefined); // a dead worker is reported through 'exit'
    createInterface({ input: child.stdout }).on('line', (line) => {
      let reply: Reply;
      try {
        reply = JSON.parse(line) as Reply;
      } catch {
        return;
      }
      const request = settle(worker, reply.id);
      if (!request) return;
      if (reply.ok) request.resolve(reply.value);
      else if (reply.error) request.reject(new TweestapError(reply.error.kind, reply.error.key, reply.error.params));
      else request.reject(new Error(reply.message ?? 'keychain worker failed'));
    });
    return worker;
  };

  const request = <T>(op: keyof KeytarBackend, args: string[]): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      current ??= start();
      const worker = current;
      const id = nextId++;
      const timer = setTimeout(() => {
        // The keytar call is stuck: end the worker with it (its other requests fail as 'ended').
        settle(worker, id);
        reject(new Error(`keychain worker timed out after ${options.timeoutMs} ms`));
        worker.child.kill('SIGKILL');
        if (current === worker) current = null;
      }, options.timeoutMs);
      worker.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
      holdOpen(worker);
      worker.child.stdin.write(`${JSON.stringify({ id, op, args })}\n`);
    });

  return {
    // Only reads, so worth a second try after a crash: keytar 7.9 can die with SIGSEGV while it
    // lists the entries and another process deletes one (seen in test/security/vault-faults.test.ts).
    findCredentials: (service) =>
      request<Array<{ account: string; password: string }>>('findCredentials', [service]).catch((error: unknown) => {
        if (error instanceof WorkerCrashed) return request('findCredentials', [service]);
        throw error;
      }),
    setPassword: (service, account, password) => request('setPassword', [service, account, password]),
    deletePassword: (service, account) => request('deletePassword', [service, account]),
    close: kill,
  };
}
