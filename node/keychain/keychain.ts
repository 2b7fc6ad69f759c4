/**
 * The OS keychain as a SecretStore, through keytar: one entry per account (service = our service
 * name, account = the account id, password = the Base32 secret). Never a plaintext fallback.
 *
 * Every call is bounded by a timeout and every failure becomes a TweestapError('keychain') that
 * names the cause and what to do. keytar is loaded on first use, so a missing native module is a
 * keychain error too and commands that need no keychain never load it.
 *
 * After a timeout the keytar call is still stuck in native code, on a libuv pool thread: it keeps
 * the event loop alive, and even process.exit() waits for it (libuv joins its pool at exit) until
 * D-Bus gives up (25 s per D-Bus round trip; about 50 s measured for a frozen GNOME Keyring).
 * A CLI that must end at once after a keychain timeout has to end the process another way.
 */
import { TweestapError } from '../../shared/errors';
import type { MessageKey } from '../../shared/i18n';
import type { SecretStore } from '../../shared/ports';
import { keychainService } from '../paths';

/** The part of keytar we use; tests wrap it to count calls. */
export interface KeytarBackend {
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export interface KeychainOptions {
  /** Keychain service name; defaults to keychainService(process.env). */
  service?: string;
  /** Upper bound of each keychain call in ms (default 8000: long enough to type an unlock password). */
  timeoutMs?: number;
  platform?: NodeJS.Platform;
  /** Loads the backend; defaults to importing keytar. */
  loadBackend?: () => Promise<KeytarBackend>;
}

export const DEFAULT_KEYCHAIN_TIMEOUT_MS = 8000;

/**
 * Linux only: an entry we write before reading or deleting. With the collection locked the
 * Secret Service refuses the write (after offering an unlock prompt where one can be shown),
 * which lets us report "locked" instead of calling findCredentials on locked items: keytar 7.9
 * crashes the whole process there (it reads a NULL secret), and deletePassword silently returns
 * false. The entry holds no secret and is hidden from loadAll.
 */
export const UNLOCK_CHECK_ACCOUNT = '.tweestap-unlock-check';

type Platform = 'linux' | 'darwin' | 'win32';

/** libsecret's words for an entry deleted while findCredentials was reading it. */
const VANISHED_ENTRY = /No such secret item|Object does not exist/i;
const FIND_ATTEMPTS = 8;
/** Pause before listing again: grows per attempt, with jitter so two busy processes fall out of step. */
const retryPause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, attempt * (10 + Math.random() * 40)));
/**
 * The Linux keyring states a user can do something about (issue 14.4): no Secret Service, no
 * default ("login") collection, locked, frozen. "Locked" covers both a keyring that had no way to
 * show its unlock prompt and one whose prompt the user cancelled: gnome-keyring answers both with
 * the same dismissed prompt, and libsecret then with the same error (or, for a lookup, no secret),
 * so its message tells the user what to do in either case (test/keychain/keyring-states.test.ts).
 */
type Cause = 'unavailable' | 'noCollection' | 'locked' | 'timeout';

/** Imports keytar lazily; a missing or broken native module becomes a keychain error. */
export async function loadKeytar(): Promise<KeytarBackend> {
  try {
    const mod = (await import('keytar')) as KeytarBackend & { default?: KeytarBackend };
    return mod.default ?? mod;
  } catch (error) {
    throw new TweestapError('keychain', 'vault.keychainModuleMissing', { reason: reasonOf(error) });
  }
}

/** Creates the keychain SecretStore. Nothing is loaded or called until the first method call. */
export function createKeychainStore(options: KeychainOptions = {}): SecretStore {
  const service = options.service ?? keychainService();
  const timeoutMs = options.timeoutMs ?? DEFAULT_KEYCHAIN_TIMEOUT_MS;
  const platform = platformFamily(options.platform ?? process.platform);
  const loadBackend = options.loadBackend ?? loadKeytar;
  let backend: Promise<KeytarBackend> | undefined;

  /** Runs one backend call under the timeout, translating any failure. */
  async function call<T>(operation: (keytar: KeytarBackend) => Promise<T>): Promise<T> {
    backend ??= loadBackend();
    const keytar = await backend;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TweestapError('keychain', causeKey('timeout', platform))), timeoutMs);
    });
    try {
      return await Promise.race([operation(keytar), timeout]);
    } catch (error) {
      throw toKeychainError(error, platform);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * findCredentials lists the entries and then reads each one, so an entry another process (the
   * CLI, the app) deletes in between fails the whole call ("No such secret item"). Listing again
   * sees the deletion; a few tries, a little apart, are enough even while another process deletes
   * many entries (test/security/vault-faults.test.ts).
   */
  async function findAll(): Promise<Array<{ account: string; password: string }>> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call((k) => k.findCredentials(service));
      } catch (error) {
        const vanished = error instanceof TweestapError && VANISHED_ENTRY.test(String(error.params.reason ?? ''));
        if (!vanished || attempt >= FIND_ATTEMPTS) throw error;
        await retryPause(attempt);
      }
    }
  }

  async function ensureUnlocked(): Promise<void> {
    if (platform === 'linux') await call((k) => k.setPassword(service, UNLOCK_CHECK_ACCOUNT, 'unlocked'));
  }

  return {
    async loadAll() {
      await ensureUnlocked();
      const credentials = await findAll();
      return new Map(credentials.filter((c) => c.account !== UNLOCK_CHECK_ACCOUNT).map((c) => [c.account, c.password]));
    },
    async get(accountId) {
      // One round trip when the secret is there (a lookup of one item cannot hit keytar's NULL
      // crash). Only a miss pays for the unlock check, so that a locked collection is reported
      // as locked rather than as a missing secret.
      const secret = await call((k) => k.getPassword(service, accountId));
      if (secret !== null) return secret;
      await ensureUnlocked();
      return call((k) => k.getPassword(service, accountId));
    },
    async set(accountId, secret) {
      await call((k) => k.setPassword(service, accountId, secret));
    },
    async delete(accountId) {
      await ensureUnlocked();
      return call((k) => k.deletePassword(service, accountId));
    },
  };
}

/**
 * Maps whatever a keychain call threw to a TweestapError('keychain') naming the cause and what to
 * do on this platform. The backend's own message is kept as `reason` (it never holds a secret).
 */
export function toKeychainError(error: unknown, platform: NodeJS.Platform | Platform = process.platform): TweestapError {
  if (error instanceof TweestapError) return error;
  const family = platformFamily(platform);
  const reason = reasonOf(error);
  const cause = classify(reason);
  return cause ? new TweestapError('keychain', causeKey(cause, family), { reason }) : new TweestapError('keychain', 'vault.keychainFailed', { reason });
}

function classify(reason: string): Cause | null {
  // libsecret/GDBus wording on Linux; Security framework wording on macOS.
  if (/autolaunch|address is empty|could not connect|ServiceUnknown|not provided by any|no such file or directory|Failed to connect|NameHasNoOwner|org\.freedesktop\.DBus\.Error\.Spawn/i.test(reason)) {
    return 'unavailable';
  }
  if (/NoReply|timed? ?out/i.test(reason)) return 'timeout';
  // GNOME Keyring without a login keyring, or KWallet without its default wallet.
  if (/Object does not exist at path .*\/collection\/|No such (object|collection)|aliases?\/default/i.test(reason)) return 'noCollection';
  // "cancel": macOS's "User canceled the operation." when its unlock dialog is cancelled.
  if (/locked|prompt|dismiss|cancel|denied|not allowed|interaction|passphrase|authori[sz]ation/i.test(reason)) return 'locked';
  return null;
}

function causeKey(cause: Cause, platform: Platform): MessageKey {
  const keys: Record<Cause, Record<Platform, MessageKey>> = {
    unavailable: { linux: 'vault.keychainUnavailable.linux', darwin: 'vault.keychainUnavailable.darwin', win32: 'vault.keychainUnavailable.win32' },
    noCollection: { linux: 'vault.keychainNoCollection.linux', darwin: 'vault.keychainUnavailable.darwin', win32: 'vault.keychainUnavailable.win32' },
    locked: { linux: 'vault.keychainLocked.linux', darwin: 'vault.keychainLocked.darwin', win32: 'vault.keychainLocked.win32' },
    timeout: { linux: 'vault.keychainTimeout.linux', darwin: 'vault.keychainTimeout.darwin', win32: 'vault.keychainTimeout.win32' },
  };
  return keys[cause][platform];
}

function platformFamily(platform: NodeJS.Platform | Platform): Platform {
  return platform === 'darwin' || platform === 'win32' ? platform : 'linux';
}

function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.slice(0, 200);
}
