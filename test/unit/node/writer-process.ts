/**
 * Test helper: bundles test/fixtures/vault/writer.ts once with esbuild (a bundled script starts
 * several times faster than one run through tsx, which matters when a test spawns it hundreds of
 * times) and spawns it as a child process.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const WRITER_SOURCE = fileURLToPath(new URL('../../fixtures/vault/writer.ts', import.meta.url));

/** Bundles the writer into a temporary folder and returns the script's path. */
export async function bundleWriter(): Promise<string> {
  const outfile = path.join(mkdtempSync(path.join(tmpdir(), 'tweestap-writer-')), 'writer.mjs');
  await build({ entryPoints: [WRITER_SOURCE], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'error' });
  return outfile;
}

export interface WriterProcess {
  child: ChildProcessByStdio<null, Readable, Readable>;
  /** Ids the writer reported saved so far. */
  saved: string[];
  /** Resolves once the writer printed `ready`. */
  ready: Promise<void>;
  /** Resolves with the exit code (or signal name) when the process has ended. */
  exited: Promise<number | string>;
}

/** Starts `node <script> <dataDir> <prefix> <count>` and collects the ids it reports. */
export function startWriter(script: string, dataDir: string, prefix: string, count: number): WriterProcess {
  const child = spawn(process.execPath, [script, dataDir, prefix, String(count)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const saved: string[] = [];
  let stderr = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  let pending = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      if (line === 'ready') markReady();
      else saved.push(line);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | string>((resolve) => {
    child.on('close', (code, signal) => {
      markReady();
      if (code !== 0 && signal === null) console.error(`writer ${prefix} failed:\n${stderr}`);
      resolve(signal ?? code ?? -1);
    });
  });
  return { child, saved, ready, exited };
}
