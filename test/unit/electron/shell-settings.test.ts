import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../shared/api';
import { TweestapError } from '../../../shared/errors';
import { applySettingChanges } from '../../../electron/shell-settings';
import { DEFAULT_SETTINGS } from '../../../node/settings';

const saved: Settings = { ...DEFAULT_SETTINGS, globalShortcut: 'CommandOrControl+Alt+T', scanShortcut: 'CommandOrControl+Alt+S', startAtLogin: true };

describe('applySettingChanges', () => {
  // At start every saved setting is applied; one shortcut another program holds used to abort
  // the rest (the login item and the other shortcut were never applied).
  it('applies every setting at start even when one is refused, and reports the refused one', async () => {
    const applied: string[] = [];
    const refusal = new TweestapError('input', 'main.shortcut.unavailable', { shortcut: 'CommandOrControl+Alt+T' });
    const failures = await applySettingChanges(saved, null, {
      globalShortcut: () => {
        throw refusal;
      },
      scanShortcut: (next) => void applied.push(`scan ${next}`),
      startAtLogin: async (next) => void applied.push(`login ${next}`),
    });
    expect(applied).toEqual(['scan CommandOrControl+Alt+S', 'login true']);
    expect(failures).toEqual([{ setting: 'globalShortcut', error: refusal }]);
  });

  it('applies only what changed, with the previous value', async () => {
    const calls: unknown[] = [];
    const failures = await applySettingChanges({ ...saved, scanShortcut: null }, saved, {
      globalShortcut: (next, previous) => void calls.push(['show', next, previous]),
      scanShortcut: (next, previous) => void calls.push(['scan', next, previous]),
    });
    expect(calls).toEqual([['scan', null, 'CommandOrControl+Alt+S']]);
    expect(failures).toEqual([]);
  });
});
