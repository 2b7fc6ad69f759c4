/**
 * Follows docs/api/menu.md and docs/api/menu-item.md (Electron 45): `Menu.buildFromTemplate`
 * makes MenuItems (label, type, enabled — default true —, visible, submenu, click). A click calls
 * `click(menuItem, browserWindow, event)`; a disabled item cannot be clicked. Labels are matched
 * as the user reads them: '&&' is a literal '&', a single '&' marks a mnemonic (menu-item.md).
 */
import type { Menu, MenuItemConstructorOptions } from 'electron';
import { record } from './record';

export class StandInMenuItem {
  readonly label: string;
  readonly type: string;
  readonly enabled: boolean;
  readonly visible: boolean;
  readonly submenu: StandInMenu | null;
  readonly #click: MenuItemConstructorOptions['click'];

  constructor(options: MenuItemConstructorOptions) {
    this.label = options.label ?? '';
    this.type = options.type ?? (options.submenu ? 'submenu' : 'normal');
    this.enabled = options.enabled ?? true;
    this.visible = options.visible ?? true;
    this.submenu = options.submenu ? (Array.isArray(options.submenu) ? StandInMenu.buildFromTemplate(options.submenu) : (options.submenu as unknown as StandInMenu)) : null;
    this.#click = options.click;
  }

  /** The label as shown to the user. */
  get shownLabel(): string {
    return this.label.replace(/&(&?)/g, (_match, literal: string) => literal);
  }

  click(window: unknown = null): void {
    if (!this.enabled || !this.visible) throw new Error(`menu item "${this.shownLabel}" is disabled`);
    this.#click?.(this as never, window as never, {} as never);
  }
}

export class StandInMenu {
  readonly items: StandInMenuItem[];

  constructor(items: StandInMenuItem[] = []) {
    this.items = items;
  }

  static buildFromTemplate(template: MenuItemConstructorOptions[]): StandInMenu {
    record('Menu', 'buildFromTemplate', template.map((item) => item.label ?? item.type ?? ''));
    return new StandInMenu(template.map((item) => new StandInMenuItem(item)));
  }

  /** The item the user would click by this label, searching submenus too. */
  find(label: string): StandInMenuItem | null {
    for (const item of this.items) {
      if (item.type !== 'separator' && item.shownLabel === label) return item;
      const inner = item.submenu?.find(label);
      if (inner) return inner;
    }
    return null;
  }

  /** What the user sees: labels (separators as '---'), disabled ones marked. */
  describe(): string[] {
    return this.items.filter((item) => item.visible).map((item) => (item.type === 'separator' ? '---' : `${item.shownLabel}${item.enabled ? '' : ' (disabled)'}`));
  }
}

export const MenuClass = StandInMenu as unknown as typeof Menu;
