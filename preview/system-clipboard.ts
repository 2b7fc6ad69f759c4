/**
 * The preview host's Clipboard port: the real X clipboard through `xclip` or `xsel` when one is
 * installed and a display is set (so browser tests can read what "copy" put there), else an
 * in-memory clipboard. Codes are written with the password-manager marker when `wish` is there
 * (./x11-clipboard-owner.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { KDE_PASSWORD_HINT } from '../node/clipboard-privacy';
import type { Clipboard } from '../shared/ports';
import { ownX11Clipboard, textTargets, wishAvailable } from './x11-clipboard-owner';

export type ClipboardKind = 'xclip' | 'xsel' | 'memory';

const COMMANDS = {
  xclip: { read: ['-selection', 'clipboard', '-o'], write: ['-selection', 'clipboard', '-i'] },
  xsel: { read: ['--clipboard', '--output'], write: ['--clipboard', '--input'] },
} as const;

/** Reads the clipboard with a tool; '' when it is empty or the tool fails. */
function readWith(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'ignore'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', () => resolve(''));
    child.on('close', (status) => resolve(status === 0 ? output : ''));
  });
}

/**
 * Writes the clipboard with a tool. `xclip -i` leaves a child in the background to own the
 * selection, so we wait for the process we started to exit, not for its output streams to close.
 */
function writeWith(command: string, args: readonly string[], env: NodeJS.ProcessEnv, text: string): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ['pipe', 'ignore', 'ignore'] });
    child.on('error', () => resolve());
    child.on('exit', () => resolve());
    child.stdin.end(text);
  });
}

/** The clipboard's PNG image through xclip (which lists the targets first), or null. */
function readPngWithXclip(env: NodeJS.ProcessEnv): Promise<Uint8Array | null> {
  const read = (args: string[]) =>
    new Promise<Buffer | null>((resolve) => {
      const child = spawn('xclip', ['-selection', 'clipboard', ...args, '-o'], { env, stdio: ['ignore', 'pipe', 'ignore'] });
      const chunks: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
      child.on('error', () => resolve(null));
      child.on('close', (status) => resolve(status === 0 ? Buffer.concat(chunks) : null));
    });
  return read(['-t', 'TARGETS']).then(async (targets) => (targets?.toString('utf8').split('\n').includes('image/png') ? read(['-t', 'image/png']) : null));
}

function available(command: string): boolean {
  return spawnSync(command, ['-version'], { stdio: 'ignore' }).error === undefined;
}

/** An in-memory clipboard, for machines without a display or clipboard tool. */
export function memoryClipboard(): Clipboard {
  let text = '';
  return {
    readText: () => text,
    writeText: (value) => void (text = value),
  };
}

/**
 * Writes `text` with the password-manager marker beside it (x-kde-passwordManagerHint = secret,
 * node/clipboard-privacy.ts) through a multi-target owner when `wish` is installed; else with the
 * one-target tool, without the marker.
 */
async function writeConcealed(text: string, env: NodeJS.ProcessEnv, plain: (text: string) => Promise<void>, canConceal: boolean): Promise<void> {
  // Clearing ('') needs no marker: one target, as before.
  if (canConceal && text !== '' && (await ownX11Clipboard(textTargets(text, { [KDE_PASSWORD_HINT.format]: KDE_PASSWORD_HINT.value }), env))) return;
  await plain(text);
}

/** The best clipboard for this environment and which kind it is. */
export function systemClipboard(env: NodeJS.ProcessEnv): { clipboard: Clipboard; kind: ClipboardKind } {
  if (env.DISPLAY) {
    const canConceal = wishAvailable(env);
    for (const kind of ['xclip', 'xsel'] as const) {
      if (!available(kind)) continue;
      const { read, write } = COMMANDS[kind];
      const clipboard: Clipboard = {
        readText: () => readWith(kind, read, env),
        writeText: (text) => writeConcealed(text, env, (plain) => writeWith(kind, write, env, plain), canConceal),
        ...(kind === 'xclip' ? { readImagePng: () => readPngWithXclip(env) } : {}),
      };
      return { clipboard, kind };
    }
  }
  return { clipboard: memoryClipboard(), kind: 'memory' };
}
