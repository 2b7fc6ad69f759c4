/** Paste a link: `otpauth://` or `otpauth-migration://`. The field is cleared once it is sent. */
import { useState, type FormEvent } from 'react';
import { TextField } from '../../components/TextField';
import { useI18n } from '../../i18n/I18nContext';
import type { AddRequest } from './useAddFlow';
import { DialogButtons } from '../../components/DialogButtons';

/** The one-field form; an empty or non-otpauth text is refused here with its own message. */
export function LinkForm({ onSubmit }: { onSubmit(request: AddRequest): void }) {
  const { t } = useI18n();
  const [uri, setUri] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = uri.trim();
    if (!text) {
      setError(t('app.link.empty'));
      return;
    }
    setError(null);
    setUri('');
    // Main names what a non-otpauth text is ("this is a web link"), so everything else goes there.
    onSubmit({ kind: 'uri', uri: text });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('app.add.link')}>
      <TextField
        label={t('app.link.label')}
        hint={t('app.link.hint')}
        value={uri}
        onChange={setUri}
        error={error}
        autoFocus
        autoComplete="off"
        spellCheck={false}
        placeholder="otpauth://totp/…"
      />
      <DialogButtons actions={[{ label: t('app.add.submit'), submit: true, kind: 'primary' }]} />
    </form>
  );
}
