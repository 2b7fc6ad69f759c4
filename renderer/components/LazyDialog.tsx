/**
 * Dialogs load when first opened, not with the window (all of them at once, renderer/dialog-chunk.ts):
 * `lazyDialog` makes a component that fetches its code on its first render, and `DialogLoading`
 * is what a screen reader hears meanwhile (React Suspense shows it until the code has arrived).
 */
import { lazy } from 'react';
import { useI18n } from '../i18n/I18nContext';

type DialogChunk = typeof import('../dialog-chunk');

/** The dialog `name` of dialog-chunk.ts, loaded on its first render; render it inside a DialogBoundary. */
export function lazyDialog<Name extends keyof DialogChunk>(name: Name) {
  return lazy(async () => ({ default: (await import('../dialog-chunk'))[name] }));
}

/** The Suspense fallback: "Loading…" for assistive technology only, as the wait is short. */
export function DialogLoading() {
  const { t } = useI18n();
  return (
    <p role="status" className="visually-hidden">
      {t('app.loading')}
    </p>
  );
}
