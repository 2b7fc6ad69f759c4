/** The window's catalogue of one locale, and the file the build writes it to. */
import type { Locale } from '../../shared/i18n/locale';
import type * as window from '../../shared/i18n/window';

export type WindowMessageKey = keyof typeof window.en;
export type WindowCatalogue = Readonly<Record<WindowMessageKey, string>>;

/** The path of a locale's message file in the built renderer, relative to index.html. */
export function catalogueFile(locale: Locale): string {
  return `assets/messages.${locale}.json`;
}
