/**
 * The main window's options, as pure functions so that unit tests can assert every security
 * setting, and the rules for restoring its last size and position.
 */
import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';
import type { WindowBounds } from '../node/settings';

export const DEFAULT_WINDOW_SIZE = { width: 440, height: 680 } as const;
export const MIN_WINDOW_SIZE = { width: 340, height: 420 } as const;

/**
 * The options of the main window, following Electron's security checklist: the renderer is
 * isolated from the preload (contextIsolation), runs in Chromium's sandbox, gets no Node, keeps
 * web security on, has no `<webview>`, no insecure content and no experimental features.
 */
export function secureWindowOptions(preloadPath: string, bounds: Partial<Rectangle> = {}): BrowserWindowConstructorOptions {
  return {
    title: 'Tweestap',
    width: bounds.width ?? DEFAULT_WINDOW_SIZE.width,
    height: bounds.height ?? DEFAULT_WINDOW_SIZE.height,
    ...(bounds.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    // Shown on 'ready-to-show', so the user never sees an empty frame.
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  };
}

/** At least this much of the window must lie on a screen for its saved position to be reused. */
const MIN_VISIBLE = { width: 120, height: 60 } as const;

/**
 * The saved bounds to restore: size always (clamped to the minimum), position only when enough of
 * the window would lie on one of today's screens (a monitor may have been unplugged since).
 */
export function restorableBounds(saved: WindowBounds | null, workAreas: readonly Rectangle[]): Partial<Rectangle> {
  if (!saved) return {};
  const width = Math.max(saved.width, MIN_WINDOW_SIZE.width);
  const height = Math.max(saved.height, MIN_WINDOW_SIZE.height);
  const onScreen = workAreas.some((area) => overlap(saved.x, width, area.x, area.width) >= MIN_VISIBLE.width && overlap(saved.y, height, area.y, area.height) >= MIN_VISIBLE.height);
  return onScreen ? { x: saved.x, y: saved.y, width, height } : { width, height };
}

function overlap(start: number, length: number, areaStart: number, areaLength: number): number {
  return Math.min(start + length, areaStart + areaLength) - Math.max(start, areaStart);
}
