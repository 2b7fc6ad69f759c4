/**
 * Dialogs load when first opened, not with the window: `lazyDialog` makes a component that
 * fetches its code and the dialogs' messages (loadDialogMessages) together, and `DialogLoading`
 * is what a screen reader hears meanwhile (React Suspense shows it until both have arrived).
 */
import { lazy, type ComponentType } from 'react';
import { useI18n } from '../i18n/I18nContext';
import { loadDialogMessages } from '../i18n/messages';

/** A component loaded with the dialogs' messages on its first render; wrap it in <Suspense fallback={<DialogLoading />}>. */
export function lazyDialog<Props extends object>(load: () => Promise<ComponentType<Props>>) {
  return lazy(async () => {
    const [component] = await Promise.all([load(), loadDialogMessages()]);
    return { default: component };
  });
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
