/**
 * A duplicate issuer/account: replace the existing one, keep both, or cancel. Nothing is written
 * until chosen. When the names only look alike (Cyrillic or other look-alike characters), the
 * user is told so before the question: that is how a fake account hides next to a real one.
 */
import type { AccountView } from '../../../shared/api';
import { useI18n } from '../../i18n/I18nContext';
import { accountLabel } from '../accounts/AccountRow';
import type { AddFlow } from './useAddFlow';
import { DialogButtons } from '../../components/DialogButtons';

interface DuplicatePromptProps {
  issuer: string;
  account: string;
  /** The account already there; its names differ from the new ones when `lookAlike`. */
  existing: AccountView;
  lookAlike: boolean;
  flow: AddFlow;
}

/** The question and its three answers; Cancel has the initial focus. */
export function DuplicatePrompt({ issuer, account, existing, lookAlike, flow }: DuplicatePromptProps) {
  const { t } = useI18n();
  const name = accountLabel({ issuer, account });
  return (
    <div className="duplicate" role="group" aria-labelledby="duplicate-question" aria-describedby={lookAlike ? 'duplicate-look-alike' : undefined}>
      {lookAlike && (
        <p id="duplicate-look-alike" className="warning" role="note" data-testid="duplicate-look-alike">
          {t('app.duplicate.lookAlike', { name, existing: accountLabel(existing) })}
        </p>
      )}
      <p id="duplicate-question">{t('app.duplicate.question', { name })}</p>
      <ul className="plain-list">
        <li>{t('app.duplicate.replaceExplain')}</li>
        <li>{t('app.duplicate.keepBothExplain')}</li>
      </ul>
      <DialogButtons
        actions={[
          { label: t('app.action.cancel'), onClick: () => void flow.resolveDuplicate('cancel'), autoFocus: true },
          { label: t('app.duplicate.keepBoth'), onClick: () => void flow.resolveDuplicate('keep-both') },
          { label: t('app.duplicate.replace'), onClick: () => void flow.resolveDuplicate('replace'), kind: 'primary' },
        ]}
      />
    </div>
  );
}
