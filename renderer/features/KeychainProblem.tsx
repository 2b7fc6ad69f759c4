/**
 * The first screen when Tweestap cannot start: the keychain cannot be used, or vault.json (the
 * account list) cannot be loaded. A damaged list can be moved aside from here (recoverVault).
 */
import { useState } from 'react';
import { DAMAGED_VAULT_KEYS, type UserMessage } from '../../shared/api';
import { useAnnounce } from '../components/Announcer';
import { api } from '../api-client';
import { errorText, messageText, useI18n } from '../i18n/I18nContext';

/** Shows main's message and what to do: the vault screen for a vault file problem, else the keychain advice. */
export function KeychainProblem({ problem, onRetry }: { problem: UserMessage; onRetry(): void }) {
  const { t } = useI18n();
  if (isVaultFileProblem(problem.key)) return <VaultProblem problem={problem} onRetry={onRetry} />;
  return (
    <main className="keychain-problem" aria-labelledby="keychain-title">
      <h1 id="keychain-title">{t('app.keychain.title')}</h1>
      <p role="alert">{messageText(t, problem)}</p>
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

/** A problem with vault.json itself rather than with the keychain or the lock. */
function isVaultFileProblem(key: string): boolean {
  return isDamaged(key) || key === 'vault.newerVersion' || key === 'vault.unreadable';
}

function isDamaged(key: string): boolean {
  return (DAMAGED_VAULT_KEYS as readonly string[]).includes(key);
}

/**
 * vault.json cannot be loaded. Damaged: offer to move it aside (then load again). Of a newer
 * version: only the advice to update (moving it aside would hide the user's list). Unreadable: the
 * message (a permission problem) and Try again.
 */
function VaultProblem({ problem, onRetry }: { problem: UserMessage; onRetry(): void }) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const file = String(problem.params?.file ?? '');

  const recover = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const recovery = await api.recoverVault();
      announce(
        recovery.restored === 'previous-copy'
          ? t('app.vault.restored', { file: recovery.movedTo, count: recovery.accounts })
          : t('app.vault.startedEmpty', { file: recovery.movedTo }),
      );
      onRetry();
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };

  return (
    <main className="keychain-problem" aria-labelledby="vault-problem-title">
      <h1 id="vault-problem-title">{t('app.vault.title')}</h1>
      <p role="alert">{messageText(t, problem)}</p>
      {file && <p>{t('app.vault.where', { folder: folderOf(file) })}</p>}
      {problem.key === 'vault.newerVersion' && <p>{t('app.vault.update')}</p>}
      {problem.key === 'vault.unreadable' && (
        <button type="button" className="button primary" onClick={onRetry}>
          {t('app.keychain.retry')}
        </button>
      )}
      {isDamaged(problem.key) && (
        <>
          <p id="vault-recover-what">{t('app.vault.recoverWhat')}</p>
          <p>{t('app.vault.recoverSecrets')}</p>
          {failure !== null && <p role="alert">{errorText(t, failure)}</p>}
          <button
            type="button"
            className="button primary"
            aria-describedby="vault-recover-what"
            disabled={busy}
            aria-busy={busy || undefined}
            onClick={() => void recover()}
          >
            {t('app.vault.recover')}
          </button>
        </>
      )}
    </main>
  );
}

/** The folder of a path from main (either separator: main may run on Windows). */
function folderOf(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return cut > 0 ? file.slice(0, cut) : file;
}
