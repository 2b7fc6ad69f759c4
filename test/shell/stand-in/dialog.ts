/**
 * Follows docs/api/dialog.md (Electron 45): showMessageBox, showOpenDialog and showSaveDialog
 * return Promises that settle when the user answers ({ response, checkboxChecked },
 * { canceled, filePaths }, { canceled, filePath }); an optional first argument is the parent
 * window. The test is the user: each dialog is recorded as pending until the test answers it
 * (or takes the next of the answers it gave in advance). showErrorBox is modal and synchronous in
 * Electron; the stand-in records it and returns at once (a test cannot answer inside a blocked
 * event loop).
 */
import type { Dialog } from 'electron';
import { plain, record } from './record';

export type DialogKind = 'messageBox' | 'open' | 'save' | 'download';

export interface ShownDialog {
  id: number;
  kind: DialogKind | 'errorBox';
  window: number | null;
  options: unknown;
  /** What the user answered (null while pending, and for an error box). */
  answer: unknown;
}

/** The test's answer: a message box button index, or a file choice ({ canceled, filePath(s) }). */
export type DialogAnswer = { response: number; checkboxChecked?: boolean } | { canceled: boolean; filePath?: string; filePaths?: string[] };

const shown: ShownDialog[] = [];
const pending = new Map<number, (answer: DialogAnswer) => void>();
const answersAhead: DialogAnswer[] = [];
let nextId = 1;

export function shownDialogs(): ShownDialog[] {
  return shown;
}

/** The test answers dialog `id`, or (id null) the next dialogs to come / still pending, in order. */
export function answerDialog(id: number | null, answer: DialogAnswer): void {
  const target = id ?? [...pending.keys()][0];
  const settle = target === undefined ? undefined : pending.get(target);
  if (!settle) {
    if (id !== null) throw new Error(`no pending dialog ${id}`);
    answersAhead.push(answer);
    return;
  }
  pending.delete(target!);
  settle(answer);
}

/** Shows a dialog and waits for the user (the test). */
export function ask(kind: DialogKind, window: { id: number } | null, options: unknown): Promise<DialogAnswer> {
  const dialog: ShownDialog = { id: nextId++, kind, window: window?.id ?? null, options: plain(options), answer: null };
  shown.push(dialog);
  record('dialog', kind, options);
  return new Promise<DialogAnswer>((resolve) => {
    const settle = (answer: DialogAnswer) => {
      dialog.answer = answer;
      resolve(answer);
    };
    const ahead = answersAhead.shift();
    if (ahead) settle(ahead);
    else pending.set(dialog.id, settle);
  });
}

/** dialog.md: the window argument is optional and comes first. */
function split(args: unknown[]): [{ id: number } | null, Record<string, unknown>] {
  return args.length >= 2 ? [args[0] as { id: number } | null, args[1] as Record<string, unknown>] : [null, (args[0] ?? {}) as Record<string, unknown>];
}

export const dialog = {
  async showMessageBox(...args: unknown[]) {
    const [window, options] = split(args);
    const answer = (await ask('messageBox', window, options)) as { response: number; checkboxChecked?: boolean };
    return { response: answer.response, checkboxChecked: answer.checkboxChecked ?? Boolean(options.checkboxChecked) };
  },
  async showOpenDialog(...args: unknown[]) {
    const [window, options] = split(args);
    const answer = (await ask('open', window, options)) as { canceled: boolean; filePaths?: string[] };
    return { canceled: answer.canceled, filePaths: answer.canceled ? [] : (answer.filePaths ?? []) };
  },
  async showSaveDialog(...args: unknown[]) {
    const [window, options] = split(args);
    const answer = (await ask('save', window, options)) as { canceled: boolean; filePath?: string };
    return { canceled: answer.canceled, filePath: answer.canceled ? '' : (answer.filePath ?? '') };
  },
  showErrorBox(title: string, content: string): void {
    shown.push({ id: nextId++, kind: 'errorBox', window: null, options: { title, content }, answer: null });
    record('dialog', 'showErrorBox', title, content);
  },
} as unknown as Dialog;
