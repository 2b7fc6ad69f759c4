/** The Clipboard port over Electron's clipboard module (main process only). */
import { clipboard } from 'electron';
import type { Clipboard } from '../shared/ports';

/** The system clipboard, plain text only. */
export const electronClipboard: Clipboard = {
  readText: () => clipboard.readText(),
  writeText: (text) => clipboard.writeText(text),
};
