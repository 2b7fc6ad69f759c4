/**
 * What the OS must start to open an otpauth:// link or to start Tweestap at login. Pure, so unit
 * tests cover every way Tweestap is launched: `npm start` (Electron's default app), the
 * installed app, the Windows portable .exe and the Linux AppImage.
 */
import path from 'node:path';

/** The facts of this launch (from `process` in main). */
export interface LaunchFacts {
  platform: NodeJS.Platform;
  execPath: string;
  argv: readonly string[];
  /** `process.defaultApp`: started as `electron <app folder>` rather than as the packaged app. */
  defaultApp: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/**
 * The file the user started. The Windows portable .exe unpacks itself into a temporary folder
 * and runs from there (electron-builder sets PORTABLE_EXECUTABLE_FILE to the .exe); an AppImage
 * runs from a /tmp/.mount_* folder that changes at every launch (AppImage sets APPIMAGE). Both
 * execPaths are gone after this run, so links and login items must point at the original file.
 */
export function launchedExecutable(facts: Pick<LaunchFacts, 'platform' | 'execPath' | 'env'>): string {
  const { platform, env } = facts;
  if (platform === 'win32' && env.PORTABLE_EXECUTABLE_FILE) return env.PORTABLE_EXECUTABLE_FILE;
  if (platform === 'linux' && env.APPIMAGE) return env.APPIMAGE;
  return facts.execPath;
}

/**
 * The `path` and `args` for `app.setAsDefaultProtocolClient(scheme, path, args)` (both used on
 * Windows only, per Electron's app.md). Under `electron .` a bare registration would start
 * Electron's default app instead of ours, so the app folder goes along as the first argument,
 * as Electron's deep-link tutorial does; null when that folder is unknown (nothing to register).
 */
export function protocolClientTarget(facts: LaunchFacts): { path: string; args: string[] } | null {
  if (facts.defaultApp) {
    const appFolder = facts.argv[1];
    return appFolder ? { path: facts.execPath, args: [path.resolve(facts.cwd, appFolder)] } : null;
  }
  return { path: launchedExecutable(facts), args: [] };
}
