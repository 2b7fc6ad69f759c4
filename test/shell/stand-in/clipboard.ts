/**
 * Follows docs/api/clipboard.md and docs/breaking-changes.md (Electron 44+, so 45): the
 * clipboard module was rearchitected after the W3C Clipboard API; `readText()` returns
 * `Promise<string>` and `writeText(text)` returns `Promise<void>`. The real X clipboard through
 * xclip ('clipboard' selection); read() gives a PNG image or text as a ClipboardItem. clear() empties it (synchronous in electron.d.ts; the stand-in
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

/** The clipboard selection as `target` (xclip -t), or null when it has none or xclip failed. */
function readTarget(target?: string): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const child = spawn('xclip', ['-selection', 'clipboard', ...(target ? ['-t', target] : []), '-o'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', () => resolve(null));
    child.on('close', (status) => resolve(status === 0 ? Buffer.concat(chunks) : null));
  });
}

async function readClipboard(): Promise<string> {
  return (await readTarget())?.toString('utf8') ?? '';
}

/** The X targets the clipboard's owner offers (xclip -t TARGETS). */
async function targets(): Promise<string[]> {
  return ((await readTarget('TARGETS'))?.toString('utf8') ?? '').split('\n').map((line) => line.trim()).filter(Boolean);
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
  /**
   * clipboard.md read() (Electron 44+): `Promise<ClipboardItem[]>`, here one item with the types
   * the X clipboard offers: image/png when its owner has that target, text/plain when it has text.
   */
  async read(): Promise<ElectronClipboardItem[]> {
    record('clipboard', 'read');
    const offered = await targets();
    const items: Record<string, Blob> = {};
    if (offered.includes('image/png')) {
      const png = await readTarget('image/png');
      if (png) items['image/png'] = new Blob([new Uint8Array(png)], { type: 'image/png' });
    }
    if (offered.some((target) => target === 'UTF8_STRING' || target === 'STRING' || target === 'TEXT' || target.startsWith('text/plain'))) {
      items['text/plain'] = new Blob([await readClipboard()], { type: 'text/plain' });
    }
    return (Object.keys(items).length > 0 ? [new ClipboardItem(items)] : []) as unknown as ElectronClipboardItem[];
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
