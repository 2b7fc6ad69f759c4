/** A duplicate issuer/account: replace the existing one, keep both, or cancel. Nothing is written until chosen. */
import { useI18n } from '../../i18n/I18nContext';
import { accountLabel } from '../accounts/AccountRow';
import type { AddFlow } from './useAddFlow';

/** The question and its three answers; Cancel has the initial focus. */
export function DuplicatePrompt({ issuer, account, flow }: { issuer: string; account: string; flow: AddFlow }) {
  const { t } = useI18n();
  return (
    <div className="duplicate" role="group" aria-labelledby="duplicate-question">
      <p id="duplicate-question">{t('app.duplicate.question', { name: accountLabel({ issuer, account }) })}</p>
      <ul className="plain-list">
        <li>{t('app.duplicate.replaceExplain')}</li>
        <li>{t('app.duplicate.keepBothExplain')}</li>
      </ul>
      <div className="dialog-buttons">
        <button type="button" className="button" onClick={() => void flow.resolveDuplicate('cancel')} autoFocus>
          {t('app.action.cancel')}
        </button>
        <button type="button" className="button" onClick={() => void flow.resolveDuplicate('keep-both')}>
          {t('app.duplicate.keepBoth')}
        </button>
        <button type="button" className="button primary" onClick={() => void flow.resolveDuplicate('replace')}>
          {t('app.duplicate.replace')}
        </button>
      </div>
    </div>
  );
}
