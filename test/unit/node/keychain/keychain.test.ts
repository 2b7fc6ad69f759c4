import { describe, expect, it } from 'vitest';
import { createKeychainStore, toKeychainError, UNLOCK_CHECK_ACCOUNT, type KeytarBackend } from '../../../../node/keychain/keychain';
import { TweestapError } from '../../../../shared/errors';
import { translate } from '../../../../shared/i18n';

describe('toKeychainError', () => {
  it.each([
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'linux', 'vault.keychainUnavailable.linux'],
    ['The given address is empty', 'linux', 'vault.keychainUnavailable.linux'],
    ['Could not connect: No such file or directory', 'linux', 'vault.keychainUnavailable.linux'],
    ['GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown: The name org.freedesktop.secrets was not provided by any .service files', 'linux', 'vault.keychainUnavailable.linux'],
    ['Cannot create an item in a locked collection', 'linux', 'vault.keychainLocked.linux'],
    ['GDBus.Error:org.freedesktop.DBus.Error.NoReply: Did not receive a reply', 'linux', 'vault.keychainTimeout.linux'],
    ['User interaction is not allowed.', 'darwin', 'vault.keychainLocked.darwin'],
    ['The user name or passphrase you entered is not correct.', 'darwin', 'vault.keychainLocked.darwin'],
    ['User canceled the operation.', 'darwin', 'vault.keychainLocked.darwin'],
    ['Something nobody expected', 'win32', 'vault.keychainFailed'],
  ] as const)('%s (%s) → %s', (reason, platform, key) => {
    const error = toKeychainError(new Error(reason), platform);
    expect(error).toBeInstanceOf(TweestapError);
    expect(error.kind).toBe('keychain');
    expect(error.key).toBe(key);
    expect(translate('nl', error.key, error.params)).not.toMatch(/\{\w+\}/);
  });

  it('passes a TweestapError through unchanged', () => {
    const original = new TweestapError('keychain', 'vault.keychainModuleMissing', { reason: 'x' });
    expect(toKeychainError(original)).toBe(original);
  });
});

describe('createKeychainStore', () => {
  /** A backend over a Map, optionally never answering. */
  function mapBackend(options: { hang?: boolean } = {}) {
    const entries = new Map<string, string>();
    const calls: string[] = [];
    const never = new Promise<never>(() => undefined);
    const backend: KeytarBackend = {
      async findCredentials(service) {
        calls.push(`find ${service}`);
        if (options.hang) return never;
        return [...entries].map(([account, password]) => ({ account, password }));
      },
      async getPassword(service, account) {
        calls.push(`get ${service} ${account}`);
        if (options.hang) return never;
        return entries.get(account) ?? null;
      },
      async setPassword(service, account, password) {
        calls.push(`set ${service} ${account}`);
        if (options.hang) return never;
        entries.set(account, password);
      },
      async deletePassword(service, account) {
        calls.push(`delete ${service} ${account}`);
        return entries.delete(account);
      },
    };
    return { backend, entries, calls };
  }

  it('loads nothing until used, then checks the lock before reading everything in one call (Linux)', async () => {
    const { backend, calls } = mapBackend();
    let loads = 0;
    const store = createKeychainStore({ service: 'svc', platform: 'linux', loadBackend: async () => (loads++, backend) });
    expect(loads).toBe(0);
    await store.set('a', 'AAAA');
    expect(await store.loadAll()).toEqual(new Map([['a', 'AAAA']]));
    expect(calls).toEqual(['set svc a', `set svc ${UNLOCK_CHECK_ACCOUNT}`, 'find svc']);
    expect(loads).toBe(1);
  });

  it('reads one secret in one call; only a miss checks the lock and asks again (Linux)', async () => {
    const { backend, calls, entries } = mapBackend();
    entries.set('a', 'AAAA');
    const store = createKeychainStore({ service: 'svc', platform: 'linux', loadBackend: async () => backend });
    expect(await store.get('a')).toBe('AAAA');
    expect(calls).toEqual(['get svc a']);
    expect(await store.get('b')).toBeNull();
    expect(calls).toEqual(['get svc a', 'get svc b', `set svc ${UNLOCK_CHECK_ACCOUNT}`, 'get svc b']);
  });

  it('skips the unlock check where the keychain has no such problem (macOS)', async () => {
    const { backend, calls } = mapBackend();
    const store = createKeychainStore({ service: 'svc', platform: 'darwin', loadBackend: async () => backend });
    await store.loadAll();
    expect(calls).toEqual(['find svc']);
  });

  it('turns a call that never answers into a timeout error', async () => {
    const { backend } = mapBackend({ hang: true });
    const store = createKeychainStore({ service: 'svc', platform: 'linux', timeoutMs: 20, loadBackend: async () => backend });
    await expect(store.loadAll()).rejects.toMatchObject({ kind: 'keychain', key: 'vault.keychainTimeout.linux' });
  });

  it('passes the loader\'s keychain error (keytar missing) to the caller of the first call', async () => {
    const store = createKeychainStore({
      loadBackend: () => Promise.reject(new TweestapError('keychain', 'vault.keychainModuleMissing', { reason: 'keytar.node: cannot open shared object file' })),
    });
    await expect(store.set('a', 'AAAA')).rejects.toMatchObject({ kind: 'keychain', key: 'vault.keychainModuleMissing' });
  });
});
