/** Enter a key by hand: issuer, account and secret, plus an Advanced section. */
import { useId, useState, type FormEvent } from 'react';
import { ALGORITHMS, DIGITS, OTP_TYPES, type Algorithm, type OtpType } from '../../../shared/otp/types';
import { TextField } from '../../components/TextField';
import { useI18n } from '../../i18n/I18nContext';
import { checkManualForm, EMPTY_MANUAL_FORM, type ManualErrors, type ManualForm as Form } from './manualEntry';
import type { AddRequest } from './useAddFlow';
import { DialogButtons } from '../../components/DialogButtons';

interface ManualFormProps {
  /** Prefilled labels, e.g. when re-adding an account whose secret is missing. */
  initial?: { issuer: string; account: string };
  onSubmit(request: AddRequest): void;
}

/** The form; on submit the secret is handed over and the field cleared. */
export function ManualForm({ initial, onSubmit }: ManualFormProps) {
  const { t } = useI18n();
  const [form, setForm] = useState<Form>({ ...EMPTY_MANUAL_FORM, ...initial });
  const [errors, setErrors] = useState<ManualErrors>({});
  const typeId = useId();
  const algorithmId = useId();
  const digitsId = useId();
  const set = <K extends keyof Form>(key: K) => (value: Form[K]) => setForm((old) => ({ ...old, [key]: value }));
  const message = (key: keyof ManualErrors) => (errors[key] ? t(errors[key]) : null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkManualForm(form);
    if ('errors' in checked) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setForm((old) => ({ ...old, secret: '' }));
    onSubmit({ kind: 'manual', entry: checked.entry });
  };

  return (
    <form className="manual-form" onSubmit={submit} noValidate aria-label={t('app.add.manual')}>
      <TextField label={t('app.field.issuer')} hint={t('app.manual.issuerHint')} value={form.issuer} onChange={set('issuer')} autoFocus error={message('name')} />
      <TextField label={t('app.field.account')} hint={t('app.manual.accountHint')} value={form.account} onChange={set('account')} />
      <TextField
        label={t('app.field.secret')}
        hint={t('app.manual.secretHint')}
        value={form.secret}
        onChange={set('secret')}
        error={message('secret')}
        autoComplete="off"
        spellCheck={false}
      />
      <details className="advanced">
        <summary>{t('app.manual.advanced')}</summary>
        <div className="field">
          <label htmlFor={typeId}>{t('app.field.type')}</label>
          <select id={typeId} value={form.type} onChange={(event) => set('type')(event.target.value as OtpType)}>
            {OTP_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(type === 'totp' ? 'app.manual.typeTotp' : 'app.manual.typeHotp')}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={algorithmId}>{t('app.field.algorithm')}</label>
          <select id={algorithmId} value={form.algorithm} onChange={(event) => set('algorithm')(event.target.value as Algorithm)}>
            {ALGORITHMS.map((algorithm) => (
              <option key={algorithm}>{algorithm}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={digitsId}>{t('app.field.digits')}</label>
          <select id={digitsId} value={form.digits} onChange={(event) => set('digits')(event.target.value)}>
            {DIGITS.map((digits) => (
              <option key={digits}>{digits}</option>
            ))}
          </select>
        </div>
        {form.type === 'totp' ? (
          <TextField label={t('app.field.period')} value={form.period} onChange={set('period')} inputMode="numeric" error={message('period')} />
        ) : (
          <TextField label={t('app.field.counter')} value={form.counter} onChange={set('counter')} inputMode="numeric" error={message('counter')} />
        )}
      </details>
      <DialogButtons actions={[{ label: t('app.add.submit'), submit: true, kind: 'primary' }]} />
    </form>
  );
}
