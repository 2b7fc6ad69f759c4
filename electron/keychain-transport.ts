/**
 * The keychain worker as an Electron utility process (the app's transport for
 * keychain-process.ts). The app cannot spawn `process.execPath` as Node (it is the app itself,
 * and the RunAsNode fuse is off), so it forks the worker bundle (dist/electron/keychain-worker.cjs,
 * inside the asar; keytar's native module is unpacked beside it) with utilityProcess: the protocol
 * objects travel as structured-clone messages, the worker reads them from process.parentPort.
 * The only module of the keychain that imports electron; never run in the tests (no Electron
 * binary there), type-checked against the real electron.d.ts.
 */
import { utilityProcess } from 'electron';
import type { WorkerTransport } from '../node/keychain/process';

/** Forks the worker at `modulePath` (only after the app's 'ready') and returns its transport. */
export function startUtilityKeychainWorker(modulePath: string): WorkerTransport {
  // stdio 'ignore': the worker never writes anything worth keeping, and never a secret.
  const child = utilityProcess.fork(modulePath, [], { serviceName: 'Tweestap keychain', stdio: 'ignore' });
  return {
    send: (message) => child.postMessage(message),
    onMessage: (callback) => void child.on('message', callback),
    onExit: (callback) => void child.once('exit', (code) => callback(code)),
    kill: () => void child.kill(),
  };
}
