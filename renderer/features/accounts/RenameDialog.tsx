/** Rename an account: new issuer and account name, sent to main. */
import { useState, type FormEvent } from 'react';
import type { AccountView } from '../../../shared/api';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/TextField';
import { api } from '../../api-client';
import { errorText, useI18n } from '../../i18n/I18nContext';
import { accountLabel } from './AccountRow';
import { DialogButtons } from '../../components/DialogButtons';

interface RenameDialogProps {
  account: AccountView;
  onDone(updated: AccountView): void;
  onCancel(): void;
}

/** A form with the two labels; an empty pair is refused before asking main. */
export function RenameDialog({ account, onDone, onCancel }: RenameDialogProps) {
  const { t } = useI18n();
  const [issuer, setIssuer] = useState(account.issuer);
  const [name, setName] = useState(account.account);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!issuer.trim() && !name.trim()) {
      setError(t('app.rename.empty'));
      return;
    }
    try {
      onDone(await api.renameAccount(account.id, { issuer: issuer.trim(), account: name.trim() }));
    } catch (caught) {
      setError(errorText(t, caught));
    }
  };

  return (
    <Dialog title={t('app.rename.title', { name: accountLabel(account) })} onClose={onCancel}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextField label={t('app.field.issuer')} value={issuer} onChange={setIssuer} autoFocus />
        <TextField label={t('app.field.account')} value={name} onChange={setName} />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <DialogButtons
          actions={[
            { label: t('app.action.cancel'), onClick: onCancel },
            { label: t('app.action.save'), submit: true, kind: 'primary' },
          ]}
        />
      </form>
    </Dialog>
  );
}
