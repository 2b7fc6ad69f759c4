/**
 * Follows docs/api/utility-process.md (Electron 45): `fork(modulePath, args, options)` only after
 * 'ready'; a Node child (child_process.fork, structured-clone messages) whose
 * `process.parentPort` (./parent-port.cjs) receives `{ data }` and posts back. The UtilityProcess
 * is an EventEmitter: 'spawn', 'message' (the data), 'exit' (code); `pid` until it exits;
 * postMessage; kill() (SIGTERM, true when sent). stdio: 'pipe' | 'ignore' | 'inherit' for stdout
 * and stderr, stdin always ignored; env, cwd, execArgv passed on; serviceName recorded. All end
 * with the app. A child killed by a signal reports 128 + the signal number as its code.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { constants } from 'node:os';
import { join } from 'node:path';
import type { ForkOptions, UtilityProcess } from 'electron';
import { isAppReady } from './readiness';
import { record } from './record';

const running = new Set<StandInUtilityProcess>();

export class StandInUtilityProcess extends EventEmitter {
  pid: number | undefined = undefined;
  stdout: NodeJS.ReadableStream | null;
  stderr: NodeJS.ReadableStream | null;
  readonly #child: ChildProcess;

  constructor(
    readonly modulePath: string,
    args: string[],
    readonly options: ForkOptions,
  ) {
    super();
    const mode = typeof options.stdio === 'string' ? options.stdio : 'inherit';
    const [, out = mode, err = mode] = Array.isArray(options.stdio) ? options.stdio : ['ignore', mode, mode];
    this.#child = fork(modulePath, args, {
      env: (options.env ?? process.env) as NodeJS.ProcessEnv,
      cwd: options.cwd,
      execArgv: ['--require', join(__dirname, 'parent-port.cjs'), ...(options.execArgv ?? [])],
      stdio: ['ignore', out as 'pipe', err as 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    this.stdout = this.#child.stdout;
    this.stderr = this.#child.stderr;
    running.add(this);
    this.#child.once('spawn', () => {
      this.pid = this.#child.pid;
      this.emit('spawn');
    });
    this.#child.on('message', (message) => this.emit('message', message));
    this.#child.once('exit', (code, signal) => {
      running.delete(this);
      this.pid = undefined;
      this.emit('exit', code ?? 128 + (signal ? constants.signals[signal] : 0));
      this.stdout = null;
      this.stderr = null;
    });
  }

  postMessage(message: unknown): void {
    if (this.#child.connected) this.#child.send(message as never);
  }

  kill(): boolean {
    return this.#child.kill('SIGTERM');
  }

  describe() {
    return { pid: this.#child.pid ?? null, modulePath: this.modulePath, serviceName: this.options.serviceName ?? 'Node Utility Process', running: this.#child.exitCode === null && this.#child.signalCode === null };
  }
}

export const utilityProcess = {
  fork(modulePath: string, args: string[] = [], options: ForkOptions = {}): UtilityProcess {
    record('utilityProcess', 'fork', modulePath, args, options);
    if (!isAppReady()) throw new Error('utilityProcess cannot be created before app is ready.');
    return new StandInUtilityProcess(modulePath, args, options) as unknown as UtilityProcess;
  },
};

export function utilityProcesses(): StandInUtilityProcess[] {
  return [...running];
}

/** Every utility process ends with the app. */
export function killUtilityProcesses(): void {
  for (const child of running) child.kill();
}
