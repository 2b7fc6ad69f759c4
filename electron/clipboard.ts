/** The Clipboard port over Electron's clipboard module (main process only). */
import { clipboard, ClipboardItem } from 'electron';
import { concealedClipboardEntries } from '../node/clipboard-privacy';
import type { Clipboard } from '../shared/ports';

/**
 * The system clipboard: text, and a PNG image (for "Paste from the clipboard"). Text (a code, or
 * '' to clear one) is written with the markers that keep it out of clipboard history and cloud
 * sync (node/clipboard-privacy.ts), in one atomic `write`.
 */
export const electronClipboard: Clipboard = {
  readText: () => clipboard.readText(),
  writeText: (text) => clipboard.write([new ClipboardItem(concealedClipboardEntries(text, process.platform))]),
  readImagePng: async () => {
    for (const item of await clipboard.read()) {
      if (item.types.includes('image/png')) return new Uint8Array(await (await item.getType('image/png')).arrayBuffer());
    }
    return null;
  },
};
