/**
 * After adding: which account was added, its current code large with the countdown, a copy button,
 * and the portal's own words for the last step.
 */
import type { AccountView, UserMessage } from '../../../shared/api';
import { useI18n } from '../../i18n/I18nContext';
import type { CodesById } from '../../state/useCodes';
import { accountLabel } from '../accounts/AccountRow';
import { LiveCode } from '../accounts/LiveCode';
import { useCopyCode } from '../accounts/useCopyCode';
import { DialogButtons } from '../../components/DialogButtons';

interface AddedScreenProps {
  accounts: AccountView[];
  warnings: UserMessage[];
  codes: CodesById;
  offsetMs: number;
  onAddAnother(): void;
  onDone(): void;
}

const PORTAL_ISSUER = /nse/i;

/** The confirmation; with several accounts (a Google export) it lists them all. */
export function AddedScreen({ accounts, warnings, codes, offsetMs, onAddAnother, onDone }: AddedScreenProps) {
  const { t } = useI18n();
  const copy = useCopyCode();

  return (
    <div className="added" data-testid="added-screen">
      {accounts.length > 1 && <p className="added-count">{t('app.added.many', { count: accounts.length })}</p>}
      {accounts.map((account) => {
        const code = codes.get(account.id);
        return (
          <section key={account.id} className="added-account" aria-label={accountLabel(account)}>
            <p className="added-title">{t('app.added.title', { name: accountLabel(account) })}</p>
            <p className="issuer">{account.issuer}</p>
            <p className="account-name">{account.account}</p>
            {code && (
              <>
                <div className="added-code">
                  <LiveCode code={code} showNextCode={false} offsetMs={offsetMs} />
                </div>
                <button type="button" className="button primary" onClick={() => void copy(account)}>
                  {t('app.added.copy')}
                </button>
              </>
            )}
            {accounts.length === 1 && (
              <p className="portal-words">
                {PORTAL_ISSUER.test(account.issuer) ? t('app.added.portalWords') : t('app.added.otherWords', { issuer: account.issuer || account.account })}
              </p>
            )}
          </section>
        );
      })}
      {warnings.map((warning, index) => (
        <p key={index} className="warning" role="note">
          {t(warning.key, warning.params)}
        </p>
      ))}
      <DialogButtons
        actions={[
          { label: t('app.added.another'), onClick: onAddAnother },
          { label: t('app.added.done'), onClick: onDone, kind: 'primary' },
        ]}
      />
    </div>
  );
}
