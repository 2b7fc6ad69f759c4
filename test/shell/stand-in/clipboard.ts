/**
 * Follows docs/api/clipboard.md and docs/breaking-changes.md (Electron 44+, so 45): the
 * clipboard module was rearchitected after the W3C Clipboard API; `readText()` returns
 * `Promise<string>` and `writeText(text)` returns `Promise<void>`. The real X clipboard through
 * xclip ('clipboard' selection). clear() empties it (synchronous in electron.d.ts; the stand-in
 * starts xclip and returns).
 */
import { spawn } from 'node:child_process';
import type { Clipboard, ClipboardItem as ElectronClipboardItem } from 'electron';
import { ownX11Clipboard, textTargets } from '../../../preview/x11-clipboard-owner';
import { record } from './record';

/**
 * clipboard-item.md: a ClipboardItem maps MIME types (and `electron application/osclipboard;
 * format="<name>"` raw formats) to payloads; `types` lists them, `getType` gives a Blob.
 */
export class ClipboardItem {
  readonly types: string[];
  readonly #items: Record<string, string | Blob>;

  constructor(items: Record<string, string | Blob>) {
    this.#items = { ...items };
    this.types = Object.keys(items);
  }

  async getType(type: string): Promise<Blob> {
    const value = this.#items[type];
    if (value === undefined) throw new DOMException(`${type} is not in this item`, 'NotFoundError');
    return typeof value === 'string' ? new Blob([value], { type }) : value;
  }
}

const RAW_FORMAT = /^electron application\/osclipboard;format="([^"]+)"$/;

/**
 * clipboard.md write(): every entry of the item at once. On X11 the text is offered under the
 * text targets and each raw format as an X target of its name (through the preview host's
 * multi-target owner); without wish, the text alone through xclip.
 */
async function writeItem(item: ElectronClipboardItem): Promise<void> {
  const textOf = async (type: string) => ((await item.getType(type)) as Blob).text();
  const text = item.types.includes('text/plain') ? await textOf('text/plain') : '';
  const raw: Record<string, string> = {};
  for (const type of item.types) {
    const format = RAW_FORMAT.exec(type)?.[1];
    if (format) raw[format] = await textOf(type);
  }
  if (Object.keys(raw).length > 0 && (await ownX11Clipboard(textTargets(text, raw), process.env))) return;
  await writeClipboard(text);
}

function readClipboard(): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn('xclip', ['-selection', 'clipboard', '-o'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let text = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    child.on('error', () => resolve(''));
    child.on('close', (status) => resolve(status === 0 ? text : ''));
  });
}

/** xclip -i leaves a child owning the selection; the promise settles when the one we started exits. */
function writeClipboard(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('xclip', ['-selection', 'clipboard', '-i'], { stdio: ['pipe', 'ignore', 'ignore'] });
    child.on('error', reject);
    child.on('exit', () => resolve());
    child.stdin.end(text);
  });
}

export const clipboard = {
  readText(): Promise<string> {
    record('clipboard', 'readText');
    return readClipboard();
  },
  writeText(text: string): Promise<void> {
    // The text may be a code: recorded by its length only.
    record('clipboard', 'writeText', { length: text.length });
    return writeClipboard(text);
  },
  async write(items: ElectronClipboardItem[]): Promise<void> {
    // Recorded by MIME types only: the text may be a code.
    record('clipboard', 'write', { types: items.flatMap((item) => item.types) });
    for (const item of items.slice(0, 1)) await writeItem(item);
  },
  clear(): void {
    record('clipboard', 'clear');
    void writeClipboard('');
  },
} satisfies Partial<Clipboard> as unknown as Clipboard;
