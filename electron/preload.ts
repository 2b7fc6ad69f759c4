/**
 * The preload of the main window: exposes the named verbs of shared/api.ts as `window.tweestap`
 * and nothing else. It runs sandboxed, so it is bundled whole (scripts/build-node.mjs).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createBridge } from './preload-bridge';

contextBridge.exposeInMainWorld(
  'tweestap',
  createBridge(
    (channel, ...args) => ipcRenderer.invoke(channel, ...args),
    (channel, listener) => {
      // The IPC event object (with its sender) never reaches the page, only the payload.
      const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, handler);
      return () => void ipcRenderer.removeListener(channel, handler);
    },
  ),
);
