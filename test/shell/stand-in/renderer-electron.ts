/**
 * The renderer side of the preload: follows docs/api/context-bridge.md and
 * docs/api/ipc-renderer.md (Electron 45). Builds the init script that runs the real built
 * preload (dist/electron/preload.cjs) before any page script, in the main frame only (the window
 * options keep nodeIntegrationInSubFrames off), as a sandboxed CommonJS module whose
 * `require('electron')` gives:
 * - `ipcRenderer.invoke/send/on/once/removeListener/off`, carried by a Playwright binding to
 *   ./ipc-main.ts with the calling frame (the binding reports which frame really called);
 * - `contextBridge.exposeInMainWorld(key, api)`: a copy of `api` (functions stay callable, values
 *   are copied, as the doc's type table says) on a read-only `window[key]`.
 * Not reproduced: the isolated world itself. The preload runs in the page's world, and the raw
 * binding is removed from the main frame's `window` once the preload holds it. Child frames keep
 * it: a test uses it there as a compromised renderer would, to prove main refuses such a sender.
 */

/** The binding every frame of a stand-in window can call (./browser-window.ts exposes it). */
export const BINDING = '__electronStandIn';
/** The function webContents.send calls in the main frame. */
export const RECEIVE = '__electronStandInReceive';

export function preloadInitScript(preloadSource: string, preloadPath: string): string {
  return `(() => {
  if (window !== window.top) return;
  const call = window[${JSON.stringify(BINDING)}];
  delete window[${JSON.stringify(BINDING)}];
  const listeners = new Map();
  const ipcRenderer = {
    invoke(channel, ...args) {
      return call({ type: 'invoke', channel, args }).then((reply) => {
        if (reply.ok) return reply.value;
        throw new Error("Error invoking remote method '" + channel + "': " + reply.message);
      });
    },
    send(channel, ...args) { void call({ type: 'send', channel, args }); },
    on(channel, listener) { (listeners.get(channel) ?? listeners.set(channel, []).get(channel)).push(listener); return ipcRenderer; },
    once(channel, listener) {
      const once = (...args) => { ipcRenderer.removeListener(channel, once); listener(...args); };
      return ipcRenderer.on(channel, once);
    },
    removeListener(channel, listener) {
      const list = listeners.get(channel) ?? [];
      const at = list.indexOf(listener);
      if (at >= 0) list.splice(at, 1);
      return ipcRenderer;
    },
    removeAllListeners(channel) { if (channel === undefined) listeners.clear(); else listeners.delete(channel); return ipcRenderer; },
  };
  ipcRenderer.off = ipcRenderer.removeListener;
  Object.defineProperty(window, ${JSON.stringify(RECEIVE)}, {
    value: (channel, args) => {
      const event = { sender: ipcRenderer, senderId: 0, ports: [] };
      for (const listener of [...(listeners.get(channel) ?? [])]) listener(event, ...args);
    },
  });
  const copy = (value) => {
    if (typeof value === 'function') return (...args) => value(...args);
    if (Array.isArray(value)) return value.map(copy);
    if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copy(item)]));
    }
    return value;
  };
  const contextBridge = {
    exposeInMainWorld(key, api) {
      if (Object.prototype.hasOwnProperty.call(window, key)) throw new Error('Cannot bind an API on top of an existing property on the window object');
      Object.defineProperty(window, key, { value: copy(api), enumerable: true });
    },
  };
  const electron = { contextBridge, ipcRenderer };
  const sandboxedProcess = { type: 'renderer', sandboxed: true, contextIsolated: true, platform: ${JSON.stringify(process.platform)}, versions: { electron: '45.5.0' }, env: {} };
  const module = { exports: {} };
  const require = (id) => {
    if (id === 'electron' || id === 'electron/renderer') return electron;
    throw new Error("module not found: " + id + " (a sandboxed preload can require only 'electron')");
  };
  (function (exports, require, module, __filename, __dirname, process) {
${preloadSource}
  })(module.exports, require, module, ${JSON.stringify(preloadPath)}, ${JSON.stringify(preloadPath.replace(/[/\\][^/\\]*$/, ''))}, sandboxedProcess);
})();`;
}
