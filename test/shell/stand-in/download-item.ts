/**
 * Follows docs/api/download-item.md and the 'will-download' event of docs/api/session.md
 * (Electron 45): a page download (here Playwright's 'download' event) emits 'will-download'
 * (event, item, webContents) on the default session. When no listener sets a save path, Electron
 * asks the user where to save it: the stand-in shows that as a 'download' dialog (./dialog.ts),
 * answered by the test; cancelled means the item ends 'cancelled' and nothing is written.
 * 'done' reports 'completed' or 'cancelled'.
 */
import { EventEmitter } from 'node:events';
import type { Download } from 'playwright-core';
import { ask } from './dialog';
import { record } from './record';

class StandInDownloadItem extends EventEmitter {
  #savePath = '';
  #state: 'progressing' | 'completed' | 'cancelled' | 'interrupted' = 'progressing';

  constructor(readonly download: Download) {
    super();
  }

  getFilename(): string {
    return this.download.suggestedFilename();
  }

  getURL(): string {
    return this.download.url();
  }

  setSavePath(path: string): void {
    this.#savePath = path;
  }

  getSavePath(): string {
    return this.#savePath;
  }

  getState(): string {
    return this.#state;
  }

  cancel(): void {
    this.#state = 'cancelled';
    void this.download.cancel();
  }

  async finish(path: string | null): Promise<void> {
    if (path === null || this.#state === 'cancelled') {
      this.#state = 'cancelled';
      await this.download.cancel();
    } else {
      await this.download.saveAs(path);
      this.#state = 'completed';
    }
    record('downloadItem', 'done', this.getFilename(), this.#state);
    this.emit('done', {}, this.#state);
  }
}

/** Wired by ./browser-window.ts; the session (./session.ts) is the emitter. */
export async function handleDownload(webContents: { window: { id: number } }, download: Download): Promise<void> {
  const { defaultSession } = await import('./session');
  const item = new StandInDownloadItem(download);
  defaultSession.emit('will-download', { preventDefault: () => item.cancel() }, item, webContents);
  if (item.getState() === 'cancelled') return item.finish(null);
  if (item.getSavePath()) return item.finish(item.getSavePath());
  const answer = (await ask('download', webContents.window, { defaultPath: item.getFilename() })) as { canceled: boolean; filePath?: string };
  return item.finish(answer.canceled || !answer.filePath ? null : answer.filePath);
}
