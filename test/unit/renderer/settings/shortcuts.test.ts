import { describe, expect, it } from 'vitest';
import { readableShortcut, SCAN_SHORTCUTS, SHOW_SHORTCUTS } from '../../../../renderer/features/settings/shortcuts';

describe('global shortcuts in Settings', () => {
  it('reads as Ctrl+… on Windows and Linux and with symbols on a Mac', () => {
    expect(readableShortcut('CommandOrControl+Alt+T', false)).toBe('Ctrl+Alt+T');
    expect(readableShortcut('CommandOrControl+Alt+Shift+Q', true)).toBe('⌘⌥⇧Q');
    expect(readableShortcut('F9', true)).toBe('F9');
  });

  it('offers different keys for showing the window and for scanning', () => {
    expect(SHOW_SHORTCUTS.filter((s) => SCAN_SHORTCUTS.includes(s))).toEqual([]);
  });
});
