/**
 * Follows docs/api/tray.md (Electron 45): `new Tray(image)` after 'ready', setToolTip,
 * setContextMenu(menu | null), setImage, destroy/isDestroyed, and the 'click' event
 * (event, bounds, position). The test acts as the user: click the icon, or click a context-menu
 * item by its label (./menu.ts).
 */
import { EventEmitter } from 'node:events';
import type { Tray } from 'electron';
import { currentEngine } from './chromium';
import { record } from './record';
import type { StandInMenu } from './menu';

const trays = new Set<StandInTray>();

export class StandInTray extends EventEmitter {
  toolTip = '';
  menu: StandInMenu | null = null;
  #destroyed = false;

  constructor(
    public image: unknown,
    guid?: string,
  ) {
    super();
    currentEngine(); // tray.md: the app must be ready
    record('Tray', 'new', image, guid);
    trays.add(this);
  }

  setToolTip(toolTip: string): void {
    record('Tray', 'setToolTip', toolTip);
    this.toolTip = toolTip;
  }

  setContextMenu(menu: StandInMenu | null): void {
    record('Tray', 'setContextMenu', menu?.describe() ?? null);
    this.menu = menu;
  }

  setImage(image: unknown): void {
    this.image = image;
  }

  destroy(): void {
    record('Tray', 'destroy');
    this.#destroyed = true;
    trays.delete(this);
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }

  describe() {
    return { toolTip: this.toolTip, menu: this.menu?.describe() ?? null };
  }
}

/** The icon the user sees (the last one made that still exists). */
export function currentTray(): StandInTray | null {
  return [...trays].at(-1) ?? null;
}

export const TrayClass = StandInTray as unknown as typeof Tray;
