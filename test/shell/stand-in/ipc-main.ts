/**
 * Follows docs/api/ipc-main.md (Electron 45): `handle` (one handler per channel; a second one
 * throws), `handleOnce`, `removeHandler`, and `on` for `ipcRenderer.send`. The handler's event
 * carries `sender` (the WebContents) and `senderFrame` (./web-frame-main.ts) of the frame that
 * really called, so main's own sender check decides. As the doc says, a handler's error reaches
 * the renderer as its message only.
 */
import { EventEmitter } from 'node:events';
import type { IpcMain } from 'electron';
import type { StandInWebFrameMain } from './web-frame-main';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

/** What the renderer side (./renderer-electron.ts) gets back for an invoke. */
export type InvokeReply = { ok: true; value: unknown } | { ok: false; message: string };

class StandInIpcMain extends EventEmitter {
  readonly #handlers = new Map<string, Handler>();

  handle(channel: string, listener: Handler): void {
    if (this.#handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.#handlers.set(channel, listener);
  }

  handleOnce(channel: string, listener: Handler): void {
    this.handle(channel, (event, ...args) => {
      this.removeHandler(channel);
      return listener(event, ...args);
    });
  }

  removeHandler(channel: string): void {
    this.#handlers.delete(channel);
  }

  /** ipcRenderer.invoke from `frame` of `sender`. */
  async invoke(sender: unknown, frame: StandInWebFrameMain, channel: string, args: unknown[]): Promise<InvokeReply> {
    const handler = this.#handlers.get(channel);
    if (!handler) return { ok: false, message: `Error: No handler registered for '${channel}'` };
    try {
      return { ok: true, value: await handler(eventFrom(sender, frame), ...args) };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
  }

  /** ipcRenderer.send from `frame` of `sender`. */
  deliver(sender: unknown, frame: StandInWebFrameMain, channel: string, args: unknown[]): void {
    this.emit(channel, eventFrom(sender, frame), ...args);
  }
}

function eventFrom(sender: unknown, frame: StandInWebFrameMain) {
  return { type: 'frame', sender, senderFrame: frame, frameId: frame.routingId, processId: frame.processId, preventDefault() {} };
}

export const ipcMain = new StandInIpcMain() as StandInIpcMain & IpcMain;
