/**
 * A KeytarBackend that runs keytar in a worker process (node/keychain/worker.ts)
 * instead of in this one. The worker is started through a WorkerTransport: a Node child process
 * for the CLI (node-keychain-transport.ts) or an Electron utility process for the app
 * (electron-keychain-transport.ts). This module keeps what both share: the request/reply
 * bookkeeping, the timeout, killing a stuck worker and retrying a listing once after a crash.
 *
 * Why: a keytar call that hangs (a frozen Secret Service, an unanswered unlock prompt) is stuck in
 * native code on a libuv pool thread, and then even process.exit() waits until D-Bus gives up
 * (about 25–50 s; see keychain.ts); and keytar 7.9 can crash its whole process (SIGSEGV) when
 * another process deletes an entry while it lists them. In a worker, a request that takes longer
 * than `timeoutMs` kills the worker (the next request starts a fresh one), a crash ends only the
 * worker, and the worker is killed when this process exits. Used through
 * createKeychainStore({ loadBackend }), which adds the error translation.
 */
import { TweestapError, type ErrorKind } from '../../shared/errors';
import type { MessageKey, MessageParams } from '../../shared/i18n';
import type { KeytarBackend } from './keychain';

/**
 * One started worker, whatever carries its messages. Messages are the protocol objects of
 * keychain-worker.ts, as they are (the transport does any encoding).
 */
export interface WorkerTransport {
  send(message: object): void;
  /** Every message the worker sends, in order. */
  onMessage(callback: (message: unknown) => void): void;
  /** Called once when the worker has ended; `signal` where the platform reports one (POSIX Node). */
  onExit(callback: (code: number | null, signal?: string | null) => void): void;
  kill(): void;
  /** Lets this process end while the worker is idle (Node transports only). */
  unref?(): void;
  /** Keeps this process alive while a request is pending (Node transports only). */
  ref?(): void;
}

export interface KeychainProcessOptions {
  /** Starts a fresh worker; called on the first request and on the first request after one ended. */
  startWorker: () => WorkerTransport;
  /** A request not answered within this many ms kills the worker and fails as a timeout. */
  timeoutMs: number;
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

/** The worker ended under a request without being killed by us (keytar crashed in native code). */
class WorkerCrashed extends Error {}

/** One worker and the requests it still owes an answer. */
interface Worker {
  transport: WorkerTransport;
  pending: Map<number, Pending>;
  /** Set when we kill it: its end is then expected, not a crash. */
  killed: boolean;
}

function isReply(message: unknown): message is Reply {
  return typeof message === 'object' && message !== null && typeof (message as Reply).id === 'number' && typeof (message as Reply).ok === 'boolean';
}

/** Creates the out-of-process backend. Nothing is started until the first request. */
export function createKeychainProcess(options: KeychainProcessOptions): KeychainProcess {
  let current: Worker | null = null;
  let nextId = 1;

  const kill = (worker: Worker | null): void => {
    if (!worker) return;
    worker.killed = true;
    worker.transport.kill();
    if (current === worker) current = null;
  };
  const close = () => kill(current);
  // Synchronous, so it also runs inside process.exit(): never leave a stuck worker behind.
  process.once('exit', close);

  /** An idle worker must not keep this process alive; a busy one must. */
  const holdOpen = ({ transport, pending }: Worker): void => {
    if (pending.size > 0) transport.ref?.();
    else transport.unref?.();
  };

  const settle = (worker: Worker, id: number): Pending | undefined => {
    const request = worker.pending.get(id);
    if (!request) return undefined;
    worker.pending.delete(id);
    clearTimeout(request.timer);
    holdOpen(worker);
    return request;
  };

  const answer = (worker: Worker, reply: Reply): void => {
    const request = settle(worker, reply.id);
    if (!request) return;
    if (reply.ok) request.resolve(reply.value);
    else if (reply.error) request.reject(new TweestapError(reply.error.kind, reply.error.key, reply.error.params));
    else request.reject(new Error(reply.message ?? 'keychain worker failed'));
  };

  const start = (): Worker => {
    const worker: Worker = { transport: options.startWorker(), pending: new Map(), killed: false };
    worker.transport.onMessage((message) => {
      if (isReply(message)) answer(worker, message);
    });
    worker.transport.onExit((code, signal) => {
      if (current === worker) current = null;
      const why = `keychain worker ended (${signal ?? `exit code ${code}`})`;
      for (const id of [...worker.pending.keys()]) settle(worker, id)?.reject(worker.killed ? new Error(why) : new WorkerCrashed(why));
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
        kill(worker);
      }, options.timeoutMs);
      worker.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
      holdOpen(worker);
      worker.transport.send({ id, op, args });
    });

  return {
    // Only reads, so worth a second try after a crash: keytar 7.9 can die with SIGSEGV while it
    // lists the entries and another process deletes one (seen in test/security/vault-faults.test.ts).
    findCredentials: (service) =>
      request<Array<{ account: string; password: string }>>('findCredentials', [service]).catch((error: unknown) => {
        if (error instanceof WorkerCrashed) return request('findCredentials', [service]);
        throw error;
      }),
    getPassword: (service, account) => request<string | null>('getPassword', [service, account]),
    setPassword: (service, account, password) => request('setPassword', [service, account, password]),
    deletePassword: (service, account) => request('deletePassword', [service, account]),
    close,
  };
}
