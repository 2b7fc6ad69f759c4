/**
 * Dialogs load when first opened, not with the window (all of them at once, renderer/dialog-chunk.ts):
 * `lazyDialog` makes a component that fetches its code on its first render, and `DialogLoading`
 * is what a screen reader hears meanwhile (React Suspense shows it until the code has arrived).
 */
import { lazy, type ComponentType } from 'react';
import { useI18n } from '../i18n/I18nContext';

/** A component loaded on its first render; wrap it in <Suspense fallback={<DialogLoading />}>. */
export function lazyDialog<Props extends object>(load: () => Promise<ComponentType<Props>>) {
  return lazy(async () => ({ default: await load() }));
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
