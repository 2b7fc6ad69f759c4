/**
 * The account service over the real vault (TWEESTAP_HOME or the app's data folder) and the OS
 * keychain (TWEESTAP_KEYCHAIN_SERVICE or `Tweestap`). Loaded on demand by context.ts, so that
 * stateless commands never reach this module's imports.
 */
import { createKeychainStore, type KeychainOptions } from '../electron/platform/keychain';
import { createKeychainProcess } from '../electron/platform/keychain-process';
import { dataDir, keychainService } from '../electron/platform/paths';
import { AccountService } from '../electron/services/accounts';
import { Vault } from '../electron/services/vault';
import { systemClock } from '../shared/ports';

/**
 * The CLI's bound on each keychain call: short, so that a keyring that stops answering is
 * reported (exit 3) within 5 seconds of starting. The app keeps keychain.ts's longer default,
 * which leaves a person time to answer an unlock prompt (docs/security.md).
 */
export const CLI_KEYCHAIN_TIMEOUT_MS = 3000;

export interface OpenAccountsOptions {
  /**
   * The CLI: the path of the keychain worker script (dist/cli/keychain-worker.mjs). keytar then
   * runs in that child process (electron/platform/keychain-process.ts) with the CLI's short
   * timeout, so that a stuck keychain call cannot keep the CLI from exiting. Without it (the app,
   * the preview host) keytar runs in this process with keychain.ts's default timeout.
   */
  keychainWorker?: string;
}

/** Opens the accounts of the data folder `env` names. Nothing is read until a method is called. */
export function openAccountService(env: NodeJS.ProcessEnv, options: OpenAccountsOptions = {}): AccountService {
  const service = keychainService(env);
  const workerPath = options.keychainWorker;
  const keychain: KeychainOptions = workerPath
    ? { service, timeoutMs: CLI_KEYCHAIN_TIMEOUT_MS, loadBackend: async () => createKeychainProcess({ workerPath, timeoutMs: CLI_KEYCHAIN_TIMEOUT_MS, env }) }
    : { service };
  return new AccountService({ vault: new Vault(dataDir(env)), secrets: createKeychainStore(keychain), clock: systemClock });
}

