/**
 * The built window's catalogue.ts: fetches a locale's messages from the JSON file the build wrote
 * next to the bundles (vite.config.ts), from the window's own origin.
 */
import type { Locale } from '../../shared/i18n/locale';
import { catalogueFile, type WindowCatalogue } from './catalogue-file';

export async function loadCatalogue(locale: Locale): Promise<WindowCatalogue> {
  const response = await fetch(new URL(catalogueFile(locale), document.baseURI));
  if (!response.ok) throw new Error(`messages for ${locale}: HTTP ${response.status}`);
  const catalogue: unknown = await response.json();
  if (typeof catalogue !== 'object' || catalogue === null) throw new Error(`messages for ${locale}: not a catalogue`);
  return catalogue as WindowCatalogue;
}
