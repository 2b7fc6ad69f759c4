/**
 * The window's messages (shared/i18n/window.ts): only what the window shows, not the CLI's or
 * main's own, so the renderer's bundle does not carry them.
 */
import { fillPlaceholders, type Locale, type MessageParams } from '../../shared/i18n/locale';
import * as window from '../../shared/i18n/window';

export type WindowMessageKey = keyof typeof window.en;

const catalogues: Record<Locale, Record<WindowMessageKey, string>> = { en: window.en, nl: window.nl };

/** True when `key` names a message the window has (used for keys that came from main or the QR worker). */
export function isWindowMessageKey(key: string): key is WindowMessageKey {
  return Object.hasOwn(window.en, key);
}

/** The text of `key` in `locale`, with `{name}` placeholders filled from `params`. */
export function translate(locale: Locale, key: WindowMessageKey, params: MessageParams = {}): string {
  return fillPlaceholders(catalogues[locale][key], params);
}
