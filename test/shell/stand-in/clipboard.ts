/**
 * Follows docs/api/clipboard.md and docs/breaking-changes.md (Electron 44+, so 45): the
 * clipboard module was rearchitected after the W3C Clipboard API; `readText()` returns
 * `Promise<string>` and `writeText(text)` returns `Promise<void>`. The real X clipboard through
 * xclip ('clipboard' selection). clear() empties it (synchronous in electron.d.ts; the stand-in
 * starts xclip and returns).
 */
import { spawn } from 'node:child_process';
import type { Clipboard } from 'electron';
import { record } from './record';

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
  clear(): void {
    record('clipboard', 'clear');
    void writeClipboard('');
  },
} satisfies Partial<Clipboard> as unknown as Clipboard;
