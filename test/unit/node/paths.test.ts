import { describe, expect, it } from 'vitest';
import { dataDir, keychainService } from '../../../node/paths';

describe('dataDir', () => {
  it.each([
    ['TWEESTAP_HOME wins everywhere', { TWEESTAP_HOME: '/tmp/tw', XDG_CONFIG_HOME: '/x' }, 'linux', '/tmp/tw'],
    ['Linux with XDG_CONFIG_HOME', { XDG_CONFIG_HOME: '/cfg' }, 'linux', '/cfg/Tweestap'],
    ['Linux without it', {}, 'linux', '/home/jan/.config/Tweestap'],
    ['Linux ignores a relative XDG_CONFIG_HOME', { XDG_CONFIG_HOME: 'rel' }, 'linux', '/home/jan/.config/Tweestap'],
    ['macOS', {}, 'darwin', '/home/jan/Library/Application Support/Tweestap'],
    ['Windows with APPDATA', { APPDATA: 'C:\\Users\\jan\\AppData\\Roaming' }, 'win32', 'C:\\Users\\jan\\AppData\\Roaming\\Tweestap'],
  ] as const)('%s', (_name, env, platform, expected) => {
    expect(dataDir(env, platform, '/home/jan')).toBe(expected);
  });
});

describe('keychainService', () => {
  it('is Tweestap unless TWEESTAP_KEYCHAIN_SERVICE says otherwise', () => {
    expect(keychainService({})).toBe('Tweestap');
    expect(keychainService({ TWEESTAP_KEYCHAIN_SERVICE: 'tweestap-test-1' })).toBe('tweestap-test-1');
  });
});
