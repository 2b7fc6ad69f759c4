/**
 * Where Tweestap keeps its files and under which name it files its keychain entries. The app, the
 * CLI and the preview host all compute the same answers from here, so they share one vault.
 */
import os from 'node:os';
import path from 'node:path';

/** The app name Electron derives its userData folder from; the CLI must use the same one. */
export const APP_NAME = 'Tweestap';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The data folder: `TWEESTAP_HOME` when set (tests, portable use), else the folder Electron's
 * `app.getPath('userData')` gives for the app name `Tweestap` on this platform.
 */
export function dataDir(env: Env = process.env, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string {
  if (env.TWEESTAP_HOME) return path.resolve(env.TWEESTAP_HOME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  if (platform === 'win32') {
    return path.win32.join(env.APPDATA || path.win32.join(home, 'AppData', 'Roaming'), APP_NAME);
  }
  // Electron ignores a relative XDG_CONFIG_HOME, as the XDG spec asks.
  const xdgConfig = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(home, '.config');
  return path.join(xdgConfig, APP_NAME);
}

/** The keychain service name of our entries: `TWEESTAP_KEYCHAIN_SERVICE` when set (tests), else `Tweestap`. */
export function keychainService(env: Env = process.env): string {
  return env.TWEESTAP_KEYCHAIN_SERVICE || APP_NAME;
}

/** The vault file inside a data folder. */
export function vaultPath(dir: string): string {
  return path.join(dir, 'vault.json');
}
