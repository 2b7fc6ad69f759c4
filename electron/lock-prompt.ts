/**
 * Main's question before the app lock is turned on (node/app-lock.ts configure): asked outside
 * the window, Cancel by default, so that a compromised window cannot lock the user out with a
 * PIN of its own. Pure: the options and the reading of the answer.
 */
import type { MessageBoxOptions } from 'electron';
import { translate, type Locale } from '../shared/i18n';

const TURN_ON = 0;
const CANCEL = 1;

export function lockOnPrompt(locale: Locale): MessageBoxOptions {
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  const buttons = [t('main.lockOn.confirm'), t('main.dialog.cancel')];
  return { type: 'question', title: t('main.lockOn.title'), message: t('main.lockOn.message'), detail: t('main.lockOn.detail'), buttons, defaultId: CANCEL, cancelId: CANCEL, noLink: true };
}

/** True when the user chose to turn the lock on. */
export function lockOnConfirmed(response: number): boolean {
  return response === TURN_ON;
}
