/**
 * Follows docs/api/shell.md (Electron 45): openExternal(url[, options]) returns a Promise and is
 * recorded (no browser is opened); openPath resolves '' (no error); showItemInFolder is recorded.
 */
import type { Shell } from 'electron';
import { record } from './record';

export const shell = {
  async openExternal(url: string, options?: unknown): Promise<void> {
    record('shell', 'openExternal', url, options);
  },
  async openPath(path: string): Promise<string> {
    record('shell', 'openPath', path);
    return '';
  },
  showItemInFolder(path: string): void {
    record('shell', 'showItemInFolder', path);
  },
} satisfies Partial<Shell> as unknown as Shell;
