/**
 * The out-of-process keychain backend: the bookkeeping of keychain-process.ts over an in-memory
 * transport (replies, timeouts, kills, the one retry after a crash), and the real worker
 * (keychain-worker.ts, under tsx) on both of its channels: JSON lines over stdin/stdout through
 * the Node transport, and messages on process.parentPort as in an Electron utility process. No
 * Secret Service is reachable in these tests (the D-Bus address leads nowhere), so keytar answers
 * every request with its error, which the worker must relay.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKeychainProcess, type WorkerTransport } from '../../../../node/keychain/process';
import { startNodeKeychainWorker } from '../../../../node/keychain/node-transport';
import { TweestapError } from '../../../../shared/errors';
import { ROOT } from '../../cli/run-cli';

const WORKER = path.join(ROOT, 'node/keychain/worker.ts');
const PARENT_PORT_WORKER = path.join(ROOT, 'test/unit/node/keychain/fixtures/parent-port-worker.ts');
const NO_KEYRING_ENV = { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/tweestap-bus', DISPLAY: '' };

/** A worker that lives in this process: records what it is sent and answers as a test says. */
class FakeWorker implements WorkerTransport {
  sent: Array<{ id: number; op: string; args: string[] }> = [];
  killed = false;
  refs: string[] = [];
  private message: (message: unknown) => void = () => undefined;
  private exit: (code: number | null, signal?: string | null) => void = () => undefined;

  send(message: object): void {
    this.sent.push(message as FakeWorker['sent'][number]);
  }
  onMessage(callback: (message: unknown) => void): void {
    this.message = callback;
  }
  onExit(callback: (code: number | null, signal?: string | null) => void): void {
    this.exit = callback;
  }
  kill(): void {
    this.killed = true;
    this.exit(null, 'SIGKILL');
  }
  ref(): void {
    this.refs.push('ref');
  }
  unref(): void {
    this.refs.push('unref');
  }
  reply(message: unknown): void {
    this.message(message);
  }
  crash(signal = 'SIGSEGV'): void {
    this.exit(null, signal);
  }
}

/** A backend over fake workers; `workers` lists every one it started, in order. */
function fakeBackend(timeoutMs = 60_000) {
  const workers: FakeWorker[] = [];
  const backend = createKeychainProcess({
    timeoutMs,
    startWorker: () => {
      workers.push(new FakeWorker());
      return workers.at(-1)!;
    },
  });
  return { backend, workers };
}

describe('createKeychainProcess (bookkeeping)', () => {
  it('starts nothing until the first request, then sends requests and resolves their replies by id', async () => {
    const { backend, workers } = fakeBackend();
    expect(workers).toHaveLength(0);
    const listed = backend.findCredentials('svc');
    const deleted = backend.deletePassword('svc', 'acc');
    const worker = workers[0]!;
    expect(worker.sent).toEqual([
      { id: 1, op: 'findCredentials', args: ['svc'] },
      { id: 2, op: 'deletePassword', args: ['svc', 'acc'] },
    ]);
    worker.reply({ id: 2, ok: true, value: true });
    worker.reply('not a reply');
    worker.reply({ id: 1, ok: true, value: [{ account: 'a', password: 'p' }] });
    await expect(deleted).resolves.toBe(true);
    await expect(listed).resolves.toEqual([{ account: 'a', password: 'p' }]);
    expect(workers).toHaveLength(1);
    // Held open while busy, let go once idle.
    expect(worker.refs.at(0)).toBe('ref');
    expect(worker.refs.at(-1)).toBe('unref');
    backend.close();
  });

  it('relays a TweestapError with its kind, key and params, and any other failure as an Error', async () => {
    const { backend, workers } = fakeBackend();
    const set = backend.setPassword('svc', 'acc', 'secret');
    const deleted = backend.deletePassword('svc', 'acc');
    workers[0]!.reply({ id: 1, ok: false, message: 'x', error: { kind: 'keychain', key: 'vault.keychainModuleMissing', params: { reason: 'gone' } } });
    workers[0]!.reply({ id: 2, ok: false, message: 'Could not connect' });
    await expect(set).rejects.toMatchObject({ kind: 'keychain', key: 'vault.keychainModuleMissing', params: { reason: 'gone' } });
    await expect(set).rejects.toBeInstanceOf(TweestapError);
    await expect(deleted).rejects.toThrow(/^Could not connect$/);
    backend.close();
  });

  it('kills a worker that does not answer in time and starts a fresh one for the next request', async () => {
    const { backend, workers } = fakeBackend(5);
    await expect(backend.findCredentials('svc')).rejects.toThrow('keychain worker timed out after 5 ms');
    expect(workers[0]!.killed).toBe(true);
    const next = backend.deletePassword('svc', 'acc');
    expect(workers).toHaveLength(2);
    workers[1]!.reply({ id: 2, ok: true, value: false });
    await expect(next).resolves.toBe(false);
    backend.close();
  });

  it('lists once more in a fresh worker after a crash, but never repeats a write', async () => {
    const { backend, workers } = fakeBackend();
    const listed = backend.findCredentials('svc');
    workers[0]!.crash();
    await Promise.resolve();
    expect(workers).toHaveLength(2);
    expect(workers[1]!.sent).toEqual([{ id: 2, op: 'findCredentials', args: ['svc'] }]);
    workers[1]!.reply({ id: 2, ok: true, value: [] });
    await expect(listed).resolves.toEqual([]);

    const set = backend.setPassword('svc', 'acc', 'secret');
    workers[1]!.crash();
    await expect(set).rejects.toThrow('keychain worker ended (SIGSEGV)');
    expect(workers).toHaveLength(2);
    backend.close();
  });

  it('tries a listing only twice when the worker crashes again', async () => {
    const { backend, workers } = fakeBackend();
    const listed = backend.findCredentials('svc');
    workers[0]!.crash();
    await Promise.resolve();
    workers[1]!.crash('SIGABRT');
    await expect(listed).rejects.toThrow('keychain worker ended (SIGABRT)');
    expect(workers).toHaveLength(2);
  });

  it('close() kills the worker; what it still owed fails without a retry', async () => {
    const { backend, workers } = fakeBackend();
    const listed = backend.findCredentials('svc');
    backend.close();
    await expect(listed).rejects.toThrow('keychain worker ended (SIGKILL)');
    expect(workers[0]!.killed).toBe(true);
    expect(workers).toHaveLength(1);
  });
});

describe('keychain worker over the Node transport (JSON lines)', () => {
  it("relays keytar's error for each request and ends with its parent's close()", async () => {
    const starts: WorkerTransport[] = [];
    const exits: Array<string | null | undefined> = [];
    const backend = createKeychainProcess({
      timeoutMs: 20_000,
      startWorker: () => {
        const transport = startNodeKeychainWorker({ workerPath: WORKER, execArgv: ['--import', 'tsx'], env: NO_KEYRING_ENV });
        transport.onExit((_code, signal) => exits.push(signal));
        starts.push(transport);
        return transport;
      },
    });
    const error = await backend.findCredentials('tweestap-unit').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).not.toMatch(/timed out|ended/);
    await expect(backend.setPassword('tweestap-unit', 'acc', 'JBSWY3DPEHPK3PXP')).rejects.toThrow();
    expect(starts).toHaveLength(1);
    backend.close();
    await expect.poll(() => exits).toEqual(['SIGKILL']);
  });

  it('answers a malformed request as such and keeps serving', async () => {
    const transport = startNodeKeychainWorker({ workerPath: WORKER, execArgv: ['--import', 'tsx'], env: NO_KEYRING_ENV });
    const replies: unknown[] = [];
    transport.onMessage((message) => replies.push(message));
    const ended = new Promise((resolve) => transport.onExit(resolve));
    transport.send({ id: 1, op: 'findPassword', args: ['svc'] });
    transport.send({ id: 2, op: 'deletePassword', args: ['svc'] });
    transport.send({ id: 3, op: 'deletePassword', args: ['svc', 'acc'] });
    await expect.poll(() => replies.length, { timeout: 20_000 }).toBe(3);
    expect(replies.slice(0, 2)).toEqual([
      { id: -1, ok: false, message: 'keychain worker: malformed request' },
      { id: -1, ok: false, message: 'keychain worker: malformed request' },
    ]);
    expect(replies[2]).toMatchObject({ id: 3, ok: false });
    transport.kill();
    await ended;
  });
});

describe('keychain worker on process.parentPort (as in an Electron utility process)', () => {
  it('reads requests from message events and answers with postMessage, not on stdout', async () => {
    const child = fork(PARENT_PORT_WORKER, [], { execArgv: ['--import', 'tsx'], env: NO_KEYRING_ENV, stdio: ['ignore', 'pipe', 'ignore', 'ipc'] });
    let stdout = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const replies: unknown[] = [];
    child.on('message', (message) => replies.push(message));
    const ended = new Promise((resolve) => child.on('exit', resolve));
    child.send({ id: 7, op: 'findCredentials', args: ['tweestap-unit'] });
    child.send({ id: 8, op: 'findCredentials' });
    await expect.poll(() => replies.length, { timeout: 20_000 }).toBe(2);
    expect(replies).toContainEqual({ id: -1, ok: false, message: 'keychain worker: malformed request' });
    expect(replies).toContainEqual(expect.objectContaining({ id: 7, ok: false, message: expect.any(String) }));
    expect(stdout).toBe('');
    child.kill('SIGKILL');
    await ended;
  });
});
