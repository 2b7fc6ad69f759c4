/**
 * The tray / menu-bar icon: every account one click away (a click copies its current code),
 * Show, Scan from screen and Quit. The menu is a pure function of the accounts and the locale;
 * the icon is drawn in code (two dots, for two steps) so no binary asset is needed.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { AccountView } from '../shared/api';
import { translate, type Locale } from '../shared/i18n';

/** What the menu items do; main.ts implements them. */
export interface TrayActions {
  copyCode(accountId: string): void;
  show(): void;
  scanScreen(): void;
  quit(): void;
}

/** Most accounts listed in the menu; more would not fit on a screen. */
export const MAX_TRAY_ACCOUNTS = 25;

/** The label of one account: issuer and account name, or whichever is present. */
export function accountLabel(account: Pick<AccountView, 'issuer' | 'account'>): string {
  return [account.issuer, account.account].filter((part) => part.trim() !== '').join(' — ') || '?';
}

/** The tray menu for these accounts in this language. Accounts without a secret are disabled. */
export function trayMenuTemplate(accounts: readonly AccountView[], locale: Locale, actions: TrayActions): MenuItemConstructorOptions[] {
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  const accountItems: MenuItemConstructorOptions[] =
    accounts.length === 0
      ? [{ label: t('main.tray.noAccounts'), enabled: false }]
      : [
          { label: t('main.tray.copyHeading'), enabled: false },
          ...accounts.slice(0, MAX_TRAY_ACCOUNTS).map((account) => ({
            // `&` would be taken as a mnemonic marker on Windows and Linux.
            label: accountLabel(account).replaceAll('&', '&&'),
            enabled: !account.secretMissing,
            click: () => actions.copyCode(account.id),
          })),
        ];
  return [
    ...accountItems,
    { type: 'separator' },
    { label: t('main.tray.show'), click: () => actions.show() },
    { label: t('main.tray.scanScreen'), click: () => actions.scanScreen() },
    { type: 'separator' },
    { label: t('main.tray.quit'), click: () => actions.quit() },
  ];
}

/**
 * The tray icon as a square BGRA bitmap (`nativeImage.createFromBitmap`): a dark rounded
 * square with two light dots.
 */
export function trayIconBitmap(size: number): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const radius = size * 0.2;
  const dotRadius = size * 0.13;
  const dots = [
    { x: size * 0.32, y: size * 0.5 },
    { x: size * 0.68, y: size * 0.5 },
  ];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      // Distance outside the rounded square's inner rectangle; inside the square when ≤ radius.
      const dx = Math.max(radius - px, 0, px - (size - radius));
      const dy = Math.max(radius - py, 0, py - (size - radius));
      if (Math.hypot(dx, dy) > radius) continue;
      const onDot = dots.some((dot) => Math.hypot(px - dot.x, py - dot.y) <= dotRadius);
      const [b, g, r] = onDot ? [0xf5, 0xf5, 0xf5] : [0x5a, 0x3a, 0x1f];
      pixels.set([b, g, r, 0xff], (y * size + x) * 4);
    }
  }
  return pixels;
}
