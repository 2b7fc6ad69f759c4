/**
 * The renderer's JavaScript, gzipped (level 9), against its budgets; prints the figures. Issue 11
 * asks for 90 kB for the window, the QR worker counted apart and the .wasm not counted.
 *
 * The window's dialogs (Add account with scanning, Settings, Backup, Restore, About, Rename,
 * Delete, the clock check) and their messages are separate chunks loaded when a dialog is first
 * opened (renderer/components/LazyDialog.tsx), so two figures are checked:
 * - at start: the entry script of index.html and every chunk it imports statically, which the
 *   window loads before it shows anything. This is the figure the 90 kB of the issue applies to.
 * - in all: every window chunk, the dialogs' included; held at its measured size plus a small
 *   margin, so that the split does not hide growth.
 * React and react-dom are about 65 kB of the start figure.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import * as cli from '../../shared/i18n/cli';
import * as deepLink from '../../shared/i18n/deep-link';
import * as shell from '../../shared/i18n/shell';
import { assertBuilt, ROOT } from './packaged-app';

const START_BUDGET_BYTES = 90 * 1024;
const WINDOW_BUDGET_BYTES = 115 * 1024;
const WORKER_BUDGET_BYTES = 20 * 1024;

const RENDERER = path.join(ROOT, 'dist', 'renderer');
const ASSETS = path.join(RENDERER, 'assets');
const isWorker = (name: string) => name.startsWith('decode.worker');

async function windowChunks(): Promise<Map<string, string>> {
  await assertBuilt();
  const chunks = new Map<string, string>();
  for (const name of await readdir(ASSETS)) {
    if (name.endsWith('.js') && !isWorker(name)) chunks.set(name, await readFile(path.join(ASSETS, name), 'utf8'));
  }
  return chunks;
}

/** The entry script of index.html and the chunks it imports statically, transitively (not `import()`). */
async function startChunks(chunks: Map<string, string>): Promise<Set<string>> {
  const html = await readFile(path.join(RENDERER, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\.\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  expect(entry, 'the entry script in index.html').toBeDefined();
  const start = new Set<string>();
  const queue = [entry as string];
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    if (start.has(name)) continue;
    start.add(name);
    const code = chunks.get(name);
    expect(code, `chunk ${name}`).toBeDefined();
    for (const [, imported] of (code as string).matchAll(/\b(?:from|import)\s*["']\.\/([\w.-]+\.js)["']/g)) queue.push(imported as string);
  }
  return start;
}

const gzipped = (code: string | Buffer) => gzipSync(code, { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

describe("the renderer's JavaScript (gzipped)", () => {
  it('stays within its budgets (printed)', async () => {
    const chunks = await windowChunks();
    const start = await startChunks(chunks);
    let atStart = 0;
    let inAll = 0;
    for (const [name, code] of chunks) {
      const size = gzipped(code);
      inAll += size;
      if (start.has(name)) atStart += size;
    }
    let worker = 0;
    for (const name of (await readdir(ASSETS)).filter((each) => each.endsWith('.js') && isWorker(each))) worker += gzipped(await readFile(path.join(ASSETS, name)));
    console.log(
      `renderer JavaScript gzipped: window at start ${kb(atStart)} of ${kb(START_BUDGET_BYTES)} (${start.size} chunks), ` +
        `window in all ${kb(inAll)} of ${kb(WINDOW_BUDGET_BYTES)} (${chunks.size} chunks), QR worker ${kb(worker)} of ${kb(WORKER_BUDGET_BYTES)}`,
    );
    expect(atStart).toBeGreaterThan(0);
    expect(atStart).toBeLessThanOrEqual(START_BUDGET_BYTES);
    expect(inAll).toBeLessThanOrEqual(WINDOW_BUDGET_BYTES);
    expect(worker).toBeGreaterThan(0);
    expect(worker).toBeLessThanOrEqual(WORKER_BUDGET_BYTES);
  });

  it("carries none of the messages only main and the CLI show", async () => {
    const code = [...(await windowChunks()).values()].join('\n');
    const mainOnly = [...Object.keys(cli.en), ...Object.keys(deepLink.en), ...Object.keys(shell.en)];
    expect(mainOnly.length).toBeGreaterThan(0);
    expect(mainOnly.filter((key) => code.includes(`"${key}"`))).toEqual([]);
  });
});
