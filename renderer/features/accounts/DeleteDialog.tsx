/** Delete confirmation that names the account and says what deleting means. */
import { useState } from 'react';
import type { AccountView } from '../../../shared/api';
import { Dialog } from '../../components/Dialog';
import { api } from '../../api-client';
import { errorText, useI18n } from '../../i18n/I18nContext';
import { accountLabel } from './AccountRow';
import { DialogButtons } from '../../components/DialogButtons';

interface DeleteDialogProps {
  account: AccountView;
  onDone(removed: AccountView): void;
  onCancel(): void;
}

/** Asks before deleting; Cancel has the initial focus, so Enter alone never deletes. */
export function DeleteDialog({ account, onDone, onCancel }: DeleteDialogProps) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const name = accountLabel(account);

  const confirm = async () => {
    try {
      await api.removeAccount(account.id);
      onDone(account);
    } catch (caught) {
      setError(errorText(t, caught));
    }
  };

  return (
    <Dialog title={t('app.delete.title', { name })} onClose={onCancel}>
      <p>{t('app.delete.explain', { name })}</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <DialogButtons
        actions={[
          { label: t('app.action.cancel'), onClick: onCancel, autoFocus: true },
          { label: t('app.delete.confirm'), onClick: () => void confirm(), kind: 'danger' },
        ]}
      />
    </Dialog>
  );
}
