/**
 * The `electron` module as the stand-in gives it to main (register.cjs makes require('electron')
 * return `electron`). One file per Electron part; each names the doc section it follows. Test
 * only: it runs the real built main under Node because the Electron binary cannot be downloaded
 * where the tests run. ./process.ts adds Electron's process properties.
 */
import { writeFileSync } from 'node:fs';
import { app, electronApp } from './app';
import { StandInBrowserWindow } from './browser-window';
import { clipboard, ClipboardItem } from './clipboard';
import { listenForControl, standInState } from './control';
import { desktopCapturer } from './desktop-capturer';
import { dialog } from './dialog';
import { globalShortcut } from './global-shortcut';
import { ipcMain } from './ipc-main';
import { MenuClass, StandInMenuItem } from './menu';
import { nativeImage } from './native-image';
import { powerMonitor } from './power-monitor';
import { installProcessAdditions } from './process';
import { protocol } from './protocol';
import { screen } from './screen';
import { session } from './session';
import { shell } from './shell';
import { systemPreferences } from './system-preferences';
import { TrayClass } from './tray';
import { utilityProcess } from './utility-process';

export const electron = {
  app: electronApp,
  BrowserWindow: StandInBrowserWindow,
  clipboard,
  ClipboardItem,
  desktopCapturer,
  dialog,
  globalShortcut,
  ipcMain,
  Menu: MenuClass,
  MenuItem: StandInMenuItem,
  nativeImage,
  powerMonitor,
  protocol,
  screen,
  session,
  shell,
  systemPreferences,
  Tray: TrayClass,
  utilityProcess,
};

/** Called by register.cjs before main's script runs. */
export function start(): void {
  installProcessAdditions(app.getAppPath(), app.isPackaged);
  listenForControl();
  // ELECTRON_STAND_IN_STATE_FILE: what main did, written as the process ends (a test of a run that
  // exits by itself, e.g. a failed start, cannot ask over the control channel any more).
  const stateFile = process.env.ELECTRON_STAND_IN_STATE_FILE;
  if (stateFile) process.on('exit', () => writeFileSync(stateFile, JSON.stringify(standInState())));
  // app.md: 'ready' comes after the main script's first tick.
  setImmediate(() => {
    app.startUp().catch((error: unknown) => {
      console.error(`[electron stand-in] start-up failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(70);
    });
  });
}
