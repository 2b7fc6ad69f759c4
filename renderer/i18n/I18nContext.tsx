/** The UI language: a React context giving every component `t(key, params)` for the chosen locale. */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Locale, MessageParams } from '../../shared/i18n/locale';
import { hasMessages, isWindowMessageKey, loadMessages, translate, type WindowMessageKey } from './messages';

export type Translate = (key: WindowMessageKey, params?: MessageParams) => string;

interface I18n {
  locale: Locale;
  t: Translate;
}

const I18nContext = createContext<I18n>({ locale: 'en', t: (key, params) => translate('en', key, params) });

/** Provides `t` for `locale` to everything below it. */
export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo<I18n>(() => ({ locale, t: (key, params) => translate(locale, key, params) }), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

interface LoadedLocale {
  /** The locale to show: `wanted` once its messages are here, until then the one shown before (null at first). */
  locale: Locale | null;
  /** Loading `wanted`'s messages failed (a damaged install). */
  failed: boolean;
}

/** Loads the messages of `wanted` and says which locale the window can show meanwhile. */
export function useLoadedLocale(wanted: Locale): LoadedLocale {
  const [loaded, setLoaded] = useState<LoadedLocale>({ locale: hasMessages(wanted) ? wanted : null, failed: false });
  useEffect(() => {
    let current = true;
    loadMessages(wanted).then(
      () => current && setLoaded({ locale: wanted, failed: false }),
      () => current && setLoaded((before) => ({ ...before, failed: true })),
    );
    return () => {
      current = false;
    };
  }, [wanted]);
  return loaded;
}

/** The current locale and its translate function. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}

/**
 * The translated text for any thrown value: the message key it carries (an ApiError from main, a
 * TweestapError from the QR client), else a generic message; never the raw error text.
 */
export function errorText(t: Translate, error: unknown): string {
  if (typeof error !== 'object' || error === null || !('key' in error) || typeof error.key !== 'string') return t('app.error.unexpected');
  const params = 'params' in error && typeof error.params === 'object' && error.params ? (error.params as MessageParams) : {};
  return messageText(t, { key: error.key, params });
}

/** The text of a message main sent (a warning, a start-up problem), or the generic error for a key the window does not have. */
export function messageText(t: Translate, { key, params }: { key: string; params?: MessageParams }): string {
  return isWindowMessageKey(key) ? t(key, params) : t('app.error.unexpected');
}
