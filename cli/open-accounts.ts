/**
 * The account service over the real vault (TWEESTAP_HOME or the app's data folder) and the OS
 * keychain (TWEESTAP_KEYCHAIN_SERVICE or `Tweestap`). Loaded on demand by context.ts, so that
 * stateless commands never reach this module's imports.
 */
import { createKeychainStore } from '../electron/platform/keychain';
import { dataDir, keychainService } from '../electron/platform/paths';
import { AccountService } from '../electron/services/accounts';
import { Vault } from '../electron/services/vault';
import { systemClock } from '../shared/ports';

/** Opens the accounts of the data folder `env` names. Nothing is read until a method is called. */
export function openAccountService(env: NodeJS.ProcessEnv): AccountService {
  return new AccountService({
    vault: new Vault(dataDir(env)),
    secrets: createKeychainStore({ service: keychainService(env) }),
    clock: systemClock,
  });
}
