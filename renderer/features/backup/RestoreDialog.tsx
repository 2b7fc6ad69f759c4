/**
 * "Restore or import": the user picks or drops a file, main reads it (asking back for a password
 * when it is encrypted, and about duplicates), then adds every account at once or none.
 */
import { useId, useState, type DragEvent, type FormEvent } from 'react';
import type { DuplicateChoice, ImportFileResult, SkippedImport } from '../../../shared/api';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/TextField';
import { api } from '../../api-client';
import { errorText, messageText, useI18n } from '../../i18n/I18nContext';
import { accountLabel } from '../accounts/AccountRow';
import { fileToBase64 } from './files';
import { DialogButtons } from '../../components/DialogButtons';

interface ChosenFile {
  name: string;
  data: string;
}

type Imported = Extract<ImportFileResult, { status: 'imported' }>;

type Step =
  | { kind: 'choose' }
  | { kind: 'password'; file: ChosenFile }
  | { kind: 'duplicate'; file: ChosenFile; password: string | null; name: string; lookAlike: boolean }
  | { kind: 'done'; file: ChosenFile; result: Imported };

/** The import flow in one dialog. */
export function RestoreDialog({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (file: ChosenFile, password: string | null, choice: DuplicateChoice) => {
    setBusy(t('app.backup.reading', { name: file.name }));
    setError(null);
    try {
      const result = await api.importFromFile(file.data, password, choice);
      if (result.status === 'password-required') setStep({ kind: 'password', file });
      else if (result.status === 'duplicate') setStep({ kind: 'duplicate', file, password, name: accountLabel(result), lookAlike: result.lookAlike });
      else setStep({ kind: 'done', file, result });
    } catch (caught) {
      setError(errorText(t, caught));
    } finally {
      setBusy(null);
    }
  };

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setStep({ kind: 'choose' });
    try {
      await run({ name: file.name, data: await fileToBase64(file) }, null, 'ask');
    } catch (caught) {
      setError(errorText(t, caught));
    }
  };

  return (
    <Dialog title={t('app.backup.restoreTitle')} onClose={onClose} className="dialog-wide">
      {step.kind === 'choose' && <FileChoice onChoose={(file) => void choose(file)} />}
      {step.kind === 'password' && <PasswordStep key={step.file.name} file={step.file} busy={busy !== null} onSubmit={(password) => void run(step.file, password, 'ask')} />}
      {step.kind === 'duplicate' && <DuplicateStep name={step.name} lookAlike={step.lookAlike} onChoose={(choice) => (choice === 'cancel' ? onClose() : void run(step.file, step.password, choice))} />}
      {step.kind === 'done' && <ImportSummary fileName={step.file.name} result={step.result} />}
      {busy && <p role="status">{busy}</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <DialogButtons
        actions={[
          step.kind === 'done' ? { label: t('app.action.close'), onClick: onClose, kind: 'primary', autoFocus: true } : { label: t('app.action.cancel'), onClick: onClose },
        ]}
      />
    </Dialog>
  );
}

/** The file picker, which is also a drop target. */
function FileChoice({ onChoose }: { onChoose(file: File | undefined): void }) {
  const { t } = useI18n();
  const id = useId();
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    // Handled here: the window's own drop handler (images to scan) must not see it too.
    event.stopPropagation();
    onChoose(event.dataTransfer.files[0]);
  };
  return (
    <div onDragOver={(event) => event.preventDefault()} onDrop={onDrop} data-testid="restore-drop">
      <p>{t('app.backup.restoreIntro')}</p>
      <div className="field">
        <label htmlFor={id}>{t('app.backup.file')}</label>
        <input id={id} type="file" aria-describedby={`${id}-hint`} onChange={(event) => onChoose(event.target.files?.[0])} autoFocus />
        <p id={`${id}-hint`} className="field-hint">
          {t('app.backup.dropHint')}
        </p>
      </div>
    </div>
  );
}

function PasswordStep({ file, busy, onSubmit }: { file: ChosenFile; busy: boolean; onSubmit(password: string): void }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password !== '') onSubmit(password);
  };
  return (
    <form onSubmit={submit}>
      <p>{t('import.passwordRequired')}</p>
      <TextField label={t('app.backup.filePassword', { name: file.name })} type="password" autoComplete="off" value={password} onChange={setPassword} required autoFocus />
      <DialogButtons align="start" actions={[{ label: t('app.backup.import'), submit: true, kind: 'primary', disabled: busy }]} />
    </form>
  );
}

function DuplicateStep({ name, lookAlike, onChoose }: { name: string; lookAlike: boolean; onChoose(choice: DuplicateChoice | 'cancel'): void }) {
  const { t } = useI18n();
  const questionId = useId();
  return (
    <div role="group" aria-labelledby={questionId}>
      {lookAlike && (
        <p className="warning" role="note" data-testid="duplicate-look-alike">
          {t('app.backup.duplicateLookAlike', { name })}
        </p>
      )}
      <p id={questionId}>{t('app.backup.duplicateQuestion', { name })}</p>
      <ul className="plain-list">
        <li>{t('app.backup.duplicateReplaceExplain')}</li>
        <li>{t('app.backup.duplicateKeepBothExplain')}</li>
      </ul>
      <DialogButtons
        align="start"
        actions={[
          { label: t('app.backup.duplicateKeepBoth'), onClick: () => onChoose('keep-both') },
          { label: t('app.backup.duplicateReplace'), onClick: () => onChoose('replace'), kind: 'primary', autoFocus: true },
        ]}
      />
    </div>
  );
}

function ImportSummary({ fileName, result }: { fileName: string; result: Imported }) {
  const { t } = useI18n();
  const skippedText = ({ position, label, reason }: SkippedImport) =>
    label === ''
      ? t('app.backup.skippedEntryNoLabel', { position, reason: messageText(t, reason) })
      : t('app.backup.skippedEntry', { position, label, reason: messageText(t, reason) });
  return (
    <div data-testid="import-summary">
      <p role="status">{t('app.backup.imported', { name: fileName, count: result.accounts.length })}</p>
      {result.warnings.map((warning) => (
        <p key={warning.key} className="warning">
          {messageText(t, warning)}
        </p>
      ))}
      {result.skipped.length > 0 && (
        <>
          <p>{t('app.backup.skippedTitle')}</p>
          <ul className="plain-list">
            {result.skipped.map((entry) => (
              <li key={entry.position}>{skippedText(entry)}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
