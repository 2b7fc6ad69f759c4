/**
 * Owning the X clipboard with several targets at once: the text and the password-manager marker
 * (`x-kde-passwordManagerHint` = `secret`) together, as KeePassXC does. xclip and xsel serve one
 * target per run, so a small Tk program (`wish`) owns the selection: it answers TARGETS with
 * every target given, serves each, and exits as soon as another program takes the clipboard.
 * The program and its data go to wish on its standard input, never on its command line.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** An X target name Tk accepts as one word: letters, digits and `._-/+;=`. */
const TARGET_NAME = /^[A-Za-z0-9._\-/+;=]{1,100}$/;

/** The text targets applications ask for when pasting. */
const TEXT_TARGETS = ['UTF8_STRING', 'text/plain;charset=utf-8', 'STRING', 'TEXT'] as const;

/** True when a Tk shell (`wish`) is on the PATH (looked up, not started: no window, no wait). */
export function wishAvailable(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      accessSync(path.join(dir, 'wish'), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** The text under every text target, plus `extra` targets with their UTF-8 values. */
export function textTargets(text: string, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  return { ...Object.fromEntries(TEXT_TARGETS.map((target) => [target, text])), ...extra };
}

/** The Tk program that owns CLIPBOARD with `targets` (name → UTF-8 text) and exits when it loses it. */
export function ownerScript(targets: Readonly<Record<string, string>>): string {
  const handlers = Object.entries(targets).map(([target, value]) => {
    if (!TARGET_NAME.test(target)) throw new Error(`unsafe X target name: ${JSON.stringify(target)}`);
    const format = target === 'STRING' ? 'STRING' : 'UTF8_STRING';
    const data = Buffer.from(value, 'utf8').toString('base64');
    return `selection handle -selection CLIPBOARD -type {${target}} -format ${format} . [list serve [encoding convertfrom utf-8 [binary decode base64 ${data}]]]`;
  });
  return [
    'wm withdraw .',
    'proc serve {data offset maxChars} { string range $data $offset [expr {$offset + $maxChars - 1}] }',
    ...handlers,
    'selection own -selection CLIPBOARD -command exit .',
    'puts ready',
    'flush stdout',
    '',
  ].join('\n');
}

/**
 * Makes a detached `wish` own the X clipboard with `targets`; resolves true once it does, false
 * when wish is missing or fails (the caller then falls back to one target).
 */
export function ownX11Clipboard(targets: Readonly<Record<string, string>>, env: NodeJS.ProcessEnv): Promise<boolean> {
  const script = ownerScript(targets);
  return new Promise((resolve) => {
    // wish runs a program read from standard input and stays in its event loop after the end of it.
    const child = spawn('wish', [], { env, detached: true, stdio: ['pipe', 'pipe', 'ignore'] });
    let settled = false;
    let output = '';
    const settle = (owned: boolean) => {
      if (settled) return;
      settled = true;
      child.stdout?.destroy();
      // The owner lives on after we return, like xclip's background child; it must not keep us alive.
      child.unref();
      resolve(owned);
    };
    child.on('error', () => settle(false));
    child.on('exit', () => settle(false));
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (output.includes('ready')) settle(true);
    });
    child.stdin?.on('error', () => settle(false));
    child.stdin?.end(script);
  });
}
