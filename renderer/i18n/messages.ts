/**
 * The window's messages: shared/i18n/window.ts from the start, shared/i18n/dialogs.ts once the
 * first dialog loads (components/LazyDialog.tsx). Not the CLI's or main's own, so the renderer's
 * bundle does not carry them.
 */
import type * as dialogs from '../../shared/i18n/dialogs';
import { fillPlaceholders, type Locale, type MessageParams } from '../../shared/i18n/locale';
import * as start from '../../shared/i18n/window';

export type WindowMessageKey = keyof typeof start.en | keyof typeof dialogs.en;

const catalogues: Record<Locale, Partial<Record<WindowMessageKey, string>>> = { en: { ...start.en }, nl: { ...start.nl } };

let dialogMessages: Promise<void> | undefined;

/** Loads the dialogs' messages once (again after a failed load); dialogs render only after it. */
export function loadDialogMessages(): Promise<void> {
  dialogMessages ??= import('../../shared/i18n/dialogs').then(
    (part) => {
      Object.assign(catalogues.en, part.en);
      Object.assign(catalogues.nl, part.nl);
    },
    (error: unknown) => {
      dialogMessages = undefined;
      throw error;
    },
  );
  return dialogMessages;
}

/** True when `key` names a message the window has now (used for keys that came from main or the QR worker). */
export function isWindowMessageKey(key: string): key is WindowMessageKey {
  return Object.hasOwn(catalogues.en, key);
}

/** The text of `key` in `locale`, with `{name}` placeholders filled from `params`; a message not loaded yet shows as its key. */
export function translate(locale: Locale, key: WindowMessageKey, params: MessageParams = {}): string {
  return fillPlaceholders(catalogues[locale][key] ?? key, params);
}
