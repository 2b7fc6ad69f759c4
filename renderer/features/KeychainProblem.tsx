/** The first screen when the keychain cannot be used: what went wrong and what to do. */
import type { UserMessage } from '../../shared/api';
import { useI18n } from '../i18n/I18nContext';

/** Shows main's message and the general advice, with a button to try again. */
export function KeychainProblem({ problem, onRetry }: { problem: UserMessage; onRetry(): void }) {
  const { t } = useI18n();
  return (
    <main className="keychain-problem" aria-labelledby="keychain-title">
      <h1 id="keychain-title">{t('app.keychain.title')}</h1>
      <p role="alert">{t(problem.key, problem.params)}</p>
      <p>{t('app.keychain.why')}</p>
      <ul>
        <li>{t('app.keychain.linux')}</li>
        <li>{t('app.keychain.mac')}</li>
        <li>{t('app.keychain.windows')}</li>
      </ul>
      <button type="button" className="button primary" onClick={onRetry}>
        {t('app.keychain.retry')}
      </button>
    </main>
  );
}
