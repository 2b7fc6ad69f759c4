/** The "code not accepted?" help under a single added account: why, and the clock check. */
import type { Settings } from '../../../shared/api';
import { useI18n } from '../../i18n/I18nContext';
import { ClockCheck } from './ClockCheck';

export function CodeHelp({ offsetSeconds, onSettings }: { offsetSeconds: number; onSettings(settings: Settings): void }) {
  const { t } = useI18n();
  return (
    <details className="code-help">
      <summary>{t('app.added.notAccepted')}</summary>
      <p>{t('app.added.notAcceptedText')}</p>
      <ClockCheck offsetSeconds={offsetSeconds} onSettings={onSettings} />
    </details>
  );
}
