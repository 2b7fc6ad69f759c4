/**
 * Follows docs/api/screen.md and docs/api/structures/display.md (Electron 45): the displays, only
 * after 'ready'. The stand-in knows one display, the X screen Chromium reports (window.screen under
 * Xvfb): its bounds, work area (avail*), colour depth and scale factor.
 */
import type { Display, Point, Rectangle, Screen } from 'electron';
import { currentEngine } from './chromium';

/** Stable for the run; desktopCapturer's display_id is its string form. */
export const PRIMARY_DISPLAY_ID = 1;

function primary(): Display {
  const info = currentEngine().screen;
  const bounds = { x: 0, y: 0, width: info.width, height: info.height };
  const workArea = { x: info.availLeft, y: info.availTop, width: info.availWidth, height: info.availHeight };
  return {
    id: PRIMARY_DISPLAY_ID,
    label: 'Xvfb',
    bounds,
    workArea,
    size: { width: bounds.width, height: bounds.height },
    workAreaSize: { width: workArea.width, height: workArea.height },
    nativeOrigin: { x: 0, y: 0 },
    scaleFactor: info.scaleFactor,
    rotation: 0,
    internal: false,
    detected: true,
    monochrome: false,
    colorDepth: info.colorDepth,
    colorSpace: '',
    depthPerComponent: 8,
    displayFrequency: 60,
    maximumCursorSize: { width: 0, height: 0 },
    accelerometerSupport: 'unknown',
    touchSupport: 'unknown',
  };
}

export const screen = {
  getPrimaryDisplay: () => primary(),
  getAllDisplays: () => [primary()],
  getDisplayNearestPoint: (_point: Point) => primary(),
  getDisplayMatching: (_rect: Rectangle) => primary(),
  getCursorScreenPoint: () => ({ x: 0, y: 0 }),
} satisfies Partial<Screen> as unknown as Screen;
