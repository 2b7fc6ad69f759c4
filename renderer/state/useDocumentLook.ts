/** Applies the language and theme settings to the document (`lang`, `data-theme`). */
import { useEffect, useSyncExternalStore } from 'react';
import type { AppInfo, Settings } from '../../shared/api';
import { localeFromTag, type Locale } from '../../shared/i18n/locale';

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

function subscribeToScheme(listener: () => void): () => void {
  const query = darkQuery();
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}

/** The UI locale: the chosen language, or the OS's for `system`. */
export function resolveLocale(settings: Settings | null, info: AppInfo | null): Locale {
  if (settings && settings.language !== 'system') return settings.language;
  return localeFromTag(info?.osLocale || navigator.language);
}

/** Sets `<html lang>` and `data-theme` (`light`/`dark`, following the OS for `system`). */
export function useDocumentLook(locale: Locale, theme: Settings['theme'] | undefined): void {
  const systemDark = useSyncExternalStore(subscribeToScheme, () => darkQuery().matches);
  const resolved = theme === 'light' || theme === 'dark' ? theme : systemDark ? 'dark' : 'light';
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dataset.theme = resolved;
  }, [locale, resolved]);
}
