/** The global shortcuts Settings offers, and how they read on this system. */

/** Offered global shortcuts (Electron accelerators); off by default, since they apply system-wide. */
export const SHOW_SHORTCUTS = ['CommandOrControl+Alt+T', 'CommandOrControl+Alt+Shift+T'];
export const SCAN_SHORTCUTS = ['CommandOrControl+Alt+Q', 'CommandOrControl+Alt+Shift+Q'];

/** An accelerator as people read it on this system: Ctrl+Alt+T, or ⌘⌥T on a Mac. */
export function readableShortcut(accelerator: string, mac = /Mac/.test(navigator.userAgent)): string {
  const keys = accelerator.split('+');
  if (!mac) return keys.map((key) => (key === 'CommandOrControl' ? 'Ctrl' : key)).join('+');
  const symbols: Record<string, string> = { CommandOrControl: '⌘', Command: '⌘', Control: '⌃', Alt: '⌥', Option: '⌥', Shift: '⇧' };
  return keys.map((key) => symbols[key] ?? key).join('');
}
