/**
 * The account service over the real vault (TWEESTAP_HOME or the app's data folder) and the OS
 * keychain (TWEESTAP_KEYCHAIN_SERVICE or `Tweestap`). Loaded on demand by context.ts, so that
 * stateless commands never reach this module's imports. The app (electron/main.ts) and the
 * preview host open their accounts here too.
 */
import { createKeychainStore, DEFAULT_KEYCHAIN_TIMEOUT_MS, type KeychainOptions } from './keychain/keychain';
import { createKeychainProcess, type WorkerTransport } from './keychain/process';
import { startNodeKeychainWorker } from './keychain/node-transport';
import { dataDir, keychainService } from './paths';
import { AccountService } from './accounts';
import { Vault } from './vault';
import { systemClock } from '../shared/ports';

/**
 * The CLI's bound on each keychain call: short, so that a keyring that stops answering is
 * reported (exit 3) within 5 seconds of starting. The app keeps keychain.ts's longer default
 * (DEFAULT_KEYCHAIN_TIMEOUT_MS), which leaves a person time to answer an unlock prompt
 * (docs/security.md).
 */
const CLI_KEYCHAIN_TIMEOUT_MS = 3000;

export interface OpenAccountsOptions {
  /**
   * The CLI: the path of the keychain worker script (dist/cli/keychain-worker.mjs). keytar then
   * runs in that Node child process (node/keychain/node-transport.ts) with the CLI's
   * short timeout, so that a stuck keychain call cannot keep the CLI from exiting.
   */
  keychainWorker?: string;
  /**
   * The CLI: a keychain worker it already started (startNodeKeychainWorker) while its own modules
   * were loading, used for the first request; a cold `code <query>` then does not wait for a
   * second Node process to start after the vault was read.
   */
  startedKeychainWorker?: WorkerTransport;
  /**
   * The app: starts the keychain worker (an Electron utility process,
   * electron/keychain-transport.ts). keytar then runs there with keychain.ts's
   * default timeout, so that a keytar crash or a stuck call never takes the app down.
   */
  startKeychainWorker?: () => WorkerTransport;
}

/**
 * Opens the accounts of the data folder `env` names. Nothing is read until a method is called.
 * Without a worker option (the preview host) keytar runs in this process.
 */
export function openAccountService(env: NodeJS.ProcessEnv, options: OpenAccountsOptions = {}): AccountService {
  const service = keychainService(env);
  const { keychainWorker: workerPath, startKeychainWorker } = options;
  let started = options.startedKeychainWorker;
  const keychain: KeychainOptions = workerPath
    ? inWorker(service, CLI_KEYCHAIN_TIMEOUT_MS, () => {
        const worker = started ?? startNodeKeychainWorker({ workerPath, env });
        started = undefined;
        return worker;
      })
    : startKeychainWorker
      ? inWorker(service, DEFAULT_KEYCHAIN_TIMEOUT_MS, startKeychainWorker)
      : { service };
  return new AccountService({ vault: new Vault(dataDir(env)), secrets: createKeychainStore(keychain), clock: systemClock });
}

/** Keychain options that run keytar in workers `startWorker` starts, bounded by `timeoutMs`. */
function inWorker(service: string, timeoutMs: number, startWorker: () => WorkerTransport): KeychainOptions {
  return { service, timeoutMs, loadBackend: async () => createKeychainProcess({ startWorker, timeoutMs }) };
}
