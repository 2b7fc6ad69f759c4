import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_SIZE, MIN_WINDOW_SIZE, restorableBounds, secureWindowOptions } from '../../../electron/window';

describe('secureWindowOptions', () => {
  it('follows the Electron security checklist', () => {
    const options = secureWindowOptions('/app/dist/electron/preload.cjs');
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
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
    });
    expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(options.show).toBe(false);
  });

  it('uses the default size without saved bounds, and saved bounds when given', () => {
    expect(secureWindowOptions('p')).toMatchObject(DEFAULT_WINDOW_SIZE);
    expect(secureWindowOptions('p')).not.toHaveProperty('x');
    expect(secureWindowOptions('p', { x: 10, y: 20, width: 500, height: 700 })).toMatchObject({ x: 10, y: 20, width: 500, height: 700 });
  });
});

describe('restorableBounds', () => {
  const screen = { x: 0, y: 0, width: 1920, height: 1080 };

  it('restores size and position on a screen that still exists', () => {
    expect(restorableBounds({ x: 100, y: 50, width: 500, height: 700, maximized: false }, [screen])).toEqual({ x: 100, y: 50, width: 500, height: 700 });
  });

  it('keeps the size but drops a position on an unplugged monitor', () => {
    expect(restorableBounds({ x: 2500, y: 50, width: 500, height: 700, maximized: false }, [screen])).toEqual({ width: 500, height: 700 });
    expect(restorableBounds({ x: 1900, y: 50, width: 500, height: 700, maximized: false }, [screen])).toEqual({ width: 500, height: 700 });
  });

  it('clamps a tiny saved size to the minimum and gives nothing without saved bounds', () => {
    expect(restorableBounds({ x: 0, y: 0, width: 200, height: 200, maximized: false }, [screen])).toMatchObject(MIN_WINDOW_SIZE);
    expect(restorableBounds(null, [screen])).toEqual({});
  });
});
