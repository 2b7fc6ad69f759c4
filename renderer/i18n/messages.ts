/**
 * The window's messages, one locale at a time. They are data, not part of the window's
 * JavaScript: the build writes each locale's catalogue to its own JSON file (catalogue.ts), which
 * loadMessages fetches when the window first shows that locale. VS Code and Signal Desktop load
 * their translations as data the same way; the window then carries one language, not two.
 */
import { fillPlaceholders, type Locale, type MessageParams } from '../../shared/i18n/locale';
import { loadCatalogue } from './catalogue';
import type { WindowCatalogue, WindowMessageKey } from './catalogue-file';

export type { WindowMessageKey } from './catalogue-file';

const catalogues: Partial<Record<Locale, WindowCatalogue>> = {};
const loading: Partial<Record<Locale, Promise<void>>> = {};

/** Loads the messages of `locale` once (again after a failed load); the window renders a locale only after it. */
export function loadMessages(locale: Locale): Promise<void> {
  loading[locale] ??= loadCatalogue(locale).then(
    (catalogue) => {
      catalogues[locale] = catalogue;
    },
    (error: unknown) => {
      delete loading[locale];
      throw error;
    },
  );
  return loading[locale];
}

/** True once the messages of `locale` have arrived. */
export function hasMessages(locale: Locale): boolean {
  return catalogues[locale] !== undefined;
}

/** True when `key` names a message of the window (for keys that came from main or the QR worker); false before any locale has loaded. */
export function isWindowMessageKey(key: string): key is WindowMessageKey {
  return Object.values(catalogues).some((catalogue) => Object.hasOwn(catalogue, key));
}

/** The text of `key` in `locale`, with `{name}` placeholders filled from `params`; a message not loaded shows as its key. */
export function translate(locale: Locale, key: WindowMessageKey, params: MessageParams = {}): string {
  return fillPlaceholders(catalogues[locale]?.[key] ?? key, params);
}
