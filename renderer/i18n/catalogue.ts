/**
 * Where the window's messages come from under the dev server and in unit tests: straight from
 * the modules. The build swaps this module for catalogue.built.ts, which fetches the JSON files
 * the build writes (vite.config.ts), so the window's bundles carry no messages.
 */
import type { Locale } from '../../shared/i18n/locale';
import * as window from '../../shared/i18n/window';
import type { WindowCatalogue } from './catalogue-file';

export function loadCatalogue(locale: Locale): Promise<WindowCatalogue> {
  return Promise.resolve(window[locale]);
}
