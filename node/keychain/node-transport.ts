/**
 * The keychain worker as a Node child process (the CLI's transport for keychain-process.ts):
 * `process.execPath` runs the worker script, and the protocol objects travel as one JSON object
 * per line over its stdin and stdout. Not for the packaged app: there process.execPath is the app
 * itself and the RunAsNode fuse is off (electron-keychain-transport.ts is the app's way).
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { WorkerTransport } from './process';

export interface NodeWorkerOptions {
  /** The worker script (dist/cli/keychain-worker.mjs, or the .ts source under tsx in tests). */
  workerPath: string;
  /** Extra arguments for node before the script (e.g. `--import tsx`). */
  execArgv?: string[];
  env?: NodeJS.ProcessEnv;
}

/**
 * The worker's environment: ours without what only changes how Node starts. NODE_EXTRA_CA_CERTS
 * makes Node parse a CA bundle before any script runs (about 150 ms for Debian's bundle on a busy
 * machine; the worker does no TLS), and NODE_OPTIONS could load a caller's hooks (a test runner's
 * loader) into the process that holds the keychain.
 */
function workerEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { NODE_EXTRA_CA_CERTS: _caBundle, NODE_OPTIONS: _options, ...rest } = env;
  return rest;
}

/** Spawns the worker script under this Node binary and returns its transport. */
export function startNodeKeychainWorker(options: NodeWorkerOptions): WorkerTransport {
  const child = spawn(process.execPath, [...(options.execArgv ?? []), options.workerPath], {
    stdio: ['pipe', 'pipe', 'ignore'],
    env: workerEnv(options.env ?? process.env),
  });
  child.stdin.on('error', () => undefined); // a dead worker is reported through onExit
  // The pipes are sockets, which have ref/unref although the stream types do not say so.
  const handles = [child, child.stdin, child.stdout] as Array<{ ref(): void; unref(): void }>;
  return {
    send: (message) => void child.stdin.write(`${JSON.stringify(message)}\n`),
    onMessage(callback) {
      createInterface({ input: child.stdout }).on('line', (line) => {
        let message: unknown;
        try {
          message = JSON.parse(line);
        } catch {
          return; // not a protocol line: nothing to answer
        }
        callback(message);
      });
    },
    onExit(callback) {
      let ended = false;
      const end = (code: number | null, signal: string | null) => {
        if (!ended) callback(code, signal);
        ended = true;
      };
      // 'error' alone (the spawn failed) may come without 'exit'.
      child.on('error', () => end(null, null));
      child.on('exit', end);
    },
    kill: () => void child.kill('SIGKILL'),
    ref: () => handles.forEach((handle) => handle.ref()),
    unref: () => handles.forEach((handle) => handle.unref()),
  };
}

/**
 * Starts the worker ahead of its first request, while the caller still loads (the CLI): idle,
 * so it keeps nothing alive until a request refs it (keychain/process.ts holdOpen).
 */
export function startNodeKeychainWorkerAhead(options: NodeWorkerOptions): WorkerTransport {
  const started = startNodeKeychainWorker(options);
  started.unref?.();
  return started;
}
