/**
 * Follows docs/api/process.md (Electron 45): what Electron adds to `process` in the main process:
 * `type` 'browser', `versions.electron`, `defaultApp` (true when started as `electron .`, which
 * is how the stand-in starts an unpackaged app), `resourcesPath`, and `getSystemVersion()` (the
 * host OS version; on Linux the kernel release).
 */
import { release } from 'node:os';
import { dirname, join } from 'node:path';

export const ELECTRON_VERSION = '45.5.0';

export function installProcessAdditions(appPath: string, isPackaged: boolean): void {
  const define = (target: object, key: string, value: unknown) => Object.defineProperty(target, key, { value, enumerable: true, configurable: true });
  define(process, 'type', 'browser');
  define(process.versions, 'electron', ELECTRON_VERSION);
  if (!isPackaged) define(process, 'defaultApp', true);
  define(process, 'resourcesPath', isPackaged ? dirname(appPath) : join(appPath, 'node_modules', 'electron', 'dist', 'resources'));
  define(process, 'getSystemVersion', () => release().split('-')[0]);
}
