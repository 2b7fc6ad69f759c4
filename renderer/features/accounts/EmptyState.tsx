/**
 * The first screen without accounts: the NSE Portal's steps 7–14, told for Tweestap in the
 * portal's own words, with the ways to add the account.
 */
import type { WindowMessageKey } from '../../i18n/messages';
import { api } from '../../api-client';
import { useI18n } from '../../i18n/I18nContext';

const STEPS: WindowMessageKey[] = [
  'app.empty.step1',
  'app.empty.step2',
  'app.empty.step3',
  'app.empty.step4',
  'app.empty.step5',
  'app.empty.step6',
];

/** Explains the enrolment; "Scan the screen" is the one action, Add account the other ways. */
export function EmptyState({ onScan, onAdd }: { onScan(): void; onAdd(): void }) {
  const { t } = useI18n();
  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <h2 id="empty-title">{t('app.empty.title')}</h2>
      <p>{t('app.empty.intro')}</p>
      <ol className="steps">
        {STEPS.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ol>
      <div className="dialog-buttons start">
        <button type="button" className="button primary large" onClick={onScan}>
          {t('app.empty.scan')}
        </button>
        <button type="button" className="button" onClick={onAdd}>
          {t('app.empty.add')}
        </button>
        <button type="button" className="link-button" onClick={() => void api.openLink('nsePortal')}>
          {t('app.empty.openPortal')}
        </button>
      </div>
      <p className="field-hint">{t('app.empty.otherWays')}</p>
      <p className="field-hint">{t('app.empty.note')}</p>
    </section>
  );
}
