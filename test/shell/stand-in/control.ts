/**
 * The control channel: how a test drives the main process running on the stand-in (a child the
 * test forked, see ../launch.ts). Requests come as IPC messages { standIn: id, op, args } and get
 * { standInReply: id, ok, value | error }. The test is the user and the OS: it fires app events,
 * answers dialogs, clicks the tray, presses shortcuts, closes and moves windows, and reads what
 * main did (state). Not an Electron part.
 */
import { app } from './app';
import { StandInBrowserWindow, preventableEvent } from './browser-window';
import { answerDialog, shownDialogs, type DialogAnswer } from './dialog';
import { pressShortcut, registeredShortcuts } from './global-shortcut';
import { deliveredMessages, recordedCalls } from './record';
import { standInPowerMonitor } from './power-monitor';
import { currentTray } from './tray';
import { utilityProcesses } from './utility-process';

/** Everything the test can read about the app at one moment. */
export function standInState() {
  return {
    ready: app.isReady(),
    windows: StandInBrowserWindow.getAllWindows().map((win) => win.describe()),
    dialogs: shownDialogs(),
    tray: currentTray()?.describe() ?? null,
    shortcuts: registeredShortcuts(),
    utilityProcesses: utilityProcesses().map((child) => child.describe()),
    protocolClients: [...app.protocolClients],
    loginItemSettings: app.loginItemSettings,
    calls: recordedCalls(),
  };
}

export type StandInState = ReturnType<typeof standInState>;

function windowById(id: number): StandInBrowserWindow {
  const win = StandInBrowserWindow.getAllWindows().find((candidate) => candidate.id === id);
  if (!win) throw new Error(`no window ${id}`);
  return win;
}

/** The operations; each returns what the test gets back. */
const OPERATIONS: Record<string, (...args: never[]) => unknown> = {
  state: () => standInState(),
  delivered: () => deliveredMessages(),
  cdpEndpoint: async () => {
    await app.whenReady();
    return app.engine?.cdpEndpoint ?? null;
  },
  secondInstance: (argv: string[], cwd: string) => app.emit('second-instance', preventableEvent(), argv, cwd, null),
  openUrl: (url: string) => app.emit('open-url', preventableEvent(), url),
  activate: () => app.emit('activate', preventableEvent(), StandInBrowserWindow.getAllWindows().some((win) => win.isVisible())),
  quit: () => app.quit(),
  answerDialog: (id: number | null, answer: DialogAnswer) => answerDialog(id, answer),
  clickTray: () => {
    const tray = currentTray();
    if (!tray) throw new Error('no tray icon');
    tray.emit('click', preventableEvent(), { x: 0, y: 0, width: 32, height: 32 }, { x: 16, y: 16 });
  },
  clickTrayMenuItem: (label: string) => {
    const item = currentTray()?.menu?.find(label);
    if (!item) throw new Error(`no tray menu item "${label}"`);
    item.click(StandInBrowserWindow.getFocusedWindow());
  },
  pressShortcut: (accelerator: string) => pressShortcut(accelerator),
  closeWindow: (id: number) => windowById(id).close(),
  powerEvent: (event: string) => standInPowerMonitor.fire(event),
  setIdleSeconds: (seconds: number) => void (standInPowerMonitor.idleSeconds = seconds),
  setWindowBounds: (id: number, bounds: { x: number; y: number; width: number; height: number }) => windowById(id).setBounds(bounds),
};

export type StandInOperation = keyof typeof OPERATIONS;

interface ControlRequest {
  standIn: number;
  op: string;
  args: unknown[];
}

export function listenForControl(): void {
  if (!process.send) return; // not started by a test: nothing to listen to
  process.on('message', (message: ControlRequest) => {
    if (typeof message !== 'object' || message === null || typeof message.standIn !== 'number') return;
    const reply = (body: object) => process.send?.({ standInReply: message.standIn, ...body });
    const operation = OPERATIONS[message.op];
    Promise.resolve()
      .then(() => {
        if (!operation) throw new Error(`unknown stand-in operation ${message.op}`);
        return (operation as (...args: unknown[]) => unknown)(...message.args);
      })
      .then(
        (value) => reply({ ok: true, value: value === undefined || typeof value === 'boolean' || typeof value === 'object' || typeof value === 'string' || typeof value === 'number' ? value : null }),
        (error: unknown) => reply({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
  });
  // The test's end of the channel must not keep a quit app alive.
  process.channel?.unref();
}
