import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { AccountView } from '../../../shared/api';
import { MAX_TRAY_ACCOUNTS, trayIconBitmap, trayMenuTemplate, type TrayActions } from '../../../electron/tray';

const account = (id: string, issuer: string, name: string, secretMissing = false): AccountView => ({
  id, type: 'totp', issuer, account: name, algorithm: 'SHA1', digits: 6, period: 20, counter: 0, secretMissing,
});

function recorder(): { actions: TrayActions; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    actions: {
      copyCode: (id) => calls.push(`copy ${id}`),
      show: () => calls.push('show'),
      scanScreen: () => calls.push('scan'),
      quit: () => calls.push('quit'),
    },
  };
}

const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.();

describe('trayMenuTemplate', () => {
  it('lists each account, and a click copies that account', () => {
    const { actions, calls } = recorder();
    const menu = trayMenuTemplate([account('a1', 'Nse-Portal', 'jan@nse.nl'), account('a2', 'R&D', '')], 'en', actions);
    const labels = menu.map((item) => item.label);
    expect(labels).toEqual(expect.arrayContaining(['Nse-Portal — jan@nse.nl', 'R&&D', 'Show Tweestap', 'Scan QR code from screen', 'Quit Tweestap']));
    click(menu.find((item) => item.label === 'Nse-Portal — jan@nse.nl'));
    click(menu.find((item) => item.label === 'Scan QR code from screen'));
    click(menu.find((item) => item.label === 'Quit Tweestap'));
    expect(calls).toEqual(['copy a1', 'scan', 'quit']);
  });

  it('is in Dutch when asked, with an empty-state line', () => {
    const menu = trayMenuTemplate([], 'nl', recorder().actions);
    expect(menu.map((item) => item.label)).toEqual(expect.arrayContaining(['Nog geen accounts', 'Tweestap tonen', 'Tweestap afsluiten']));
  });

  it('disables accounts whose secret is missing and caps the list', () => {
    const many = Array.from({ length: MAX_TRAY_ACCOUNTS + 5 }, (_, i) => account(`id${i}`, `Issuer ${i}`, 'x', i === 0));
    const items = trayMenuTemplate(many, 'en', recorder().actions).filter((item) => item.label?.startsWith('Issuer '));
    expect(items).toHaveLength(MAX_TRAY_ACCOUNTS);
    expect(items[0]?.enabled).toBe(false);
    expect(items[1]?.enabled).toBe(true);
  });
});

describe('trayIconBitmap', () => {
  it('is an opaque square with transparent corners', () => {
    const size = 32;
    const pixels = trayIconBitmap(size);
    expect(pixels).toHaveLength(size * size * 4);
    expect(pixels[3]).toBe(0); // corner alpha
    expect(pixels[((size / 2) * size + 2) * 4 + 3]).toBe(0xff); // left edge, middle
  });
});
