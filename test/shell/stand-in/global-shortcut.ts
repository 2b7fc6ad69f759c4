/**
 * Follows docs/api/global-shortcut.md and the accelerator grammar of
 * docs/tutorial/keyboard-shortcuts.md (Electron 45): register(accelerator, callback) returns
 * whether it was registered; an accelerator taken by another application fails silently (false).
 * Which ones are "taken" the test says with ELECTRON_STAND_IN_TAKEN_SHORTCUTS (comma-separated).
 * A string that is no accelerator throws, as Electron's argument conversion does. unregister,
 * unregisterAll, isRegistered; the test "presses" a registered accelerator.
 */
import type { GlobalShortcut } from 'electron';
import { record } from './record';

const MODIFIERS = new Map(
  Object.entries({ command: 'CommandOrControl', cmd: 'CommandOrControl', control: 'CommandOrControl', ctrl: 'CommandOrControl', commandorcontrol: 'CommandOrControl', cmdorctrl: 'CommandOrControl', alt: 'Alt', option: 'Alt', altgr: 'AltGr', shift: 'Shift', super: 'Super', meta: 'Super' }),
);
const NAMED_KEYS = ['plus', 'space', 'tab', 'capslock', 'numlock', 'scrolllock', 'backspace', 'delete', 'insert', 'return', 'enter', 'up', 'down', 'left', 'right', 'home', 'end', 'pageup', 'pagedown', 'escape', 'esc', 'volumeup', 'volumedown', 'volumemute', 'medianexttrack', 'mediaprevioustrack', 'mediastop', 'mediaplaypause', 'printscreen', 'numdec', 'numadd', 'numsub', 'nummult', 'numdiv'];

/** A canonical form (modifiers sorted, key upper-case) or null when `accelerator` is not one. */
export function normalizeAccelerator(accelerator: string): string | null {
  const parts = accelerator.split('+');
  // "Plus" is the key '+'; a trailing empty part came from a literal '+'.
  const key = parts.pop()?.toLowerCase();
  if (!key) return null;
  const modifiers = parts.map((part) => MODIFIERS.get(part.toLowerCase()));
  if (modifiers.some((modifier) => modifier === undefined)) return null;
  const keyOk = /^[a-z0-9]$/.test(key) || /^f([1-9]|1[0-9]|2[0-4])$/.test(key) || /^num[0-9]$/.test(key) || NAMED_KEYS.includes(key) || /^[)!@#$%^&*(:;:<_>?~{|}"',./`\-=[\]\\]$/.test(key);
  if (!keyOk) return null;
  return [...new Set(modifiers as string[])].sort().concat(key.toUpperCase()).join('+');
}

const registered = new Map<string, () => void>();

function taken(): Set<string> {
  const list = (process.env.ELECTRON_STAND_IN_TAKEN_SHORTCUTS ?? '').split(',').filter(Boolean);
  return new Set(list.map((item) => normalizeAccelerator(item.trim())).filter((item): item is string => item !== null));
}

function parse(accelerator: string): string {
  const normal = normalizeAccelerator(accelerator);
  if (normal === null) throw new TypeError(`Error processing argument at index 0, conversion failure from ${accelerator}`);
  return normal;
}

export const globalShortcut = {
  register(accelerator: string, callback: () => void): boolean {
    record('globalShortcut', 'register', accelerator);
    const normal = parse(accelerator);
    if (registered.has(normal) || taken().has(normal)) return false;
    registered.set(normal, callback);
    return true;
  },
  unregister(accelerator: string): void {
    record('globalShortcut', 'unregister', accelerator);
    registered.delete(parse(accelerator));
  },
  unregisterAll(): void {
    record('globalShortcut', 'unregisterAll');
    registered.clear();
  },
  isRegistered: (accelerator: string) => registered.has(parse(accelerator)),
} satisfies Partial<GlobalShortcut> as unknown as GlobalShortcut;

/** The accelerators registered now, canonical. */
export function registeredShortcuts(): string[] {
  return [...registered.keys()];
}

/** The user presses `accelerator`; throws when nothing is registered for it. */
export function pressShortcut(accelerator: string): void {
  const callback = registered.get(parse(accelerator));
  if (!callback) throw new Error(`no global shortcut registered for ${accelerator}`);
  callback();
}
