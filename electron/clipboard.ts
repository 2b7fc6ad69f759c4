/** The Clipboard port over Electron's clipboard module (main process only). */
import { clipboard } from 'electron';
import type { Clipboard } from '../shared/ports';

/** The system clipboard: text, and a PNG image (for "Paste from the clipboard"). */
export const electronClipboard: Clipboard = {
  readText: () => clipboard.readText(),
  writeText: (text) => clipboard.writeText(text),
  readImagePng: async () => {
    for (const item of await clipboard.read()) {
      if (item.types.includes('image/png')) return new Uint8Array(await (await item.getType('image/png')).arrayBuffer());
    }
    return null;
  },
};
