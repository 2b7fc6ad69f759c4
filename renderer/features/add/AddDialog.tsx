/**
 * Add account: the ways in (screen and webcam scanning arrive with the scanning issue; an image,
 * a link or a key typed by hand work now), then duplicates, Google export progress and the
 * confirmation screen, all driven by useAddFlow.
 */
import { useEffect, useRef, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { errorText, useI18n } from '../../i18n/I18nContext';
import type { CodesById } from '../../state/useCodes';
import { AddedScreen } from './AddedScreen';
import { DuplicatePrompt } from './DuplicatePrompt';
import { imageFiles, requestsFrom, type Incoming } from './incoming';
import { LinkForm } from './LinkForm';
import { ManualForm } from './ManualForm';
import { useAddFlow } from './useAddFlow';

type Method = 'choose' | 'link' | 'manual';

interface AddDialogProps {
  codes: CodesById;
  offsetMs: number;
  /** Dropped or pasted input, numbered so the same input twice is seen twice. */
  incoming: { id: number; value: Incoming } | null;
  /** Labels of an account to re-add (its secret was missing): opens the manual form. */
  readd: { issuer: string; account: string } | null;
  onAdded(): void;
  onClose(): void;
}

/** The dialog; `onAdded` lets the window reload its list after each account. */
export function AddDialog({ codes, offsetMs, incoming, readd, onAdded, onClose }: AddDialogProps) {
  const { t } = useI18n();
  const flow = useAddFlow(onAdded);
  const [method, setMethod] = useState<Method>(readd ? 'manual' : 'choose');
  const fileInput = useRef<HTMLInputElement>(null);
  const { submit, setError } = flow;

  useEffect(() => {
    if (!incoming) return;
    void requestsFrom(incoming.value).then(submit, (error: unknown) => setError(errorText(t, error)));
  }, [incoming, submit, setError, t]);

  const openFiles = (files: FileList | null) => {
    const images = imageFiles(files);
    if (files?.length && images.length === 0) setError(t('app.image.notImage'));
    else if (images.length) void requestsFrom({ files: images }).then(submit, (error: unknown) => setError(errorText(t, error)));
    if (fileInput.current) fileInput.current.value = '';
  };
  const { phase } = flow;

  let body;
  if (phase.name === 'added') {
    body = (
      <AddedScreen
        accounts={phase.accounts}
        warnings={phase.warnings}
        codes={codes}
        offsetMs={offsetMs}
        onAddAnother={() => {
          flow.reset();
          setMethod('choose');
        }}
        onDone={onClose}
      />
    );
  } else if (phase.name === 'duplicate') {
    body = <DuplicatePrompt issuer={phase.issuer} account={phase.account} flow={flow} />;
  } else {
    body = (
      <>
        {phase.name === 'batch' && (
          <p className="batch-progress" role="status" data-testid="batch-progress">
            {t('app.batch.progress', { scanned: phase.scanned, total: phase.total })}{' '}
            {t('app.batch.missing', { parts: phase.missing.map((index) => index + 1).join(', ') })}
          </p>
        )}
        {method === 'choose' ? (
          <div className="add-methods">
            <div className="add-method">
              <button type="button" className="button" disabled aria-describedby="scan-soon">
                {t('app.add.scanScreen')}
              </button>
              <button type="button" className="button" disabled aria-describedby="scan-soon">
                {t('app.add.scanWebcam')}
              </button>
              <p id="scan-soon" className="field-hint">
                {t('app.add.scanSoon')}
              </p>
            </div>
            <div className="add-method">
              <button type="button" className="button" onClick={() => fileInput.current?.click()}>
                {t('app.add.image')}
              </button>
              <input
                ref={fileInput}
                type="file"
                accept="image/*"
                multiple
                className="visually-hidden"
                tabIndex={-1}
                aria-label={t('app.add.image')}
                data-testid="image-input"
                onChange={(event) => openFiles(event.target.files)}
              />
              <p className="field-hint">{t('app.add.imageHint')}</p>
            </div>
            <button type="button" className="button" onClick={() => setMethod('link')}>
              {t('app.add.link')}
            </button>
            <button type="button" className="button" onClick={() => setMethod('manual')}>
              {t('app.add.manual')}
            </button>
          </div>
        ) : (
          <>
            <button type="button" className="link-button" onClick={() => setMethod('choose')}>
              ← {t('app.add.otherWays')}
            </button>
            {method === 'link' ? <LinkForm onSubmit={(request) => void submit([request])} /> : <ManualForm initial={readd ?? undefined} onSubmit={(request) => void submit([request])} />}
          </>
        )}
        {phase.name === 'busy' && (
          <p role="status" className="field-hint">
            {t('app.add.busy')}
          </p>
        )}
      </>
    );
  }

  return (
    <Dialog title={t(phase.name === 'added' ? 'app.added.heading' : 'app.add.title')} onClose={onClose} className="dialog-wide">
      {flow.error && (
        <p className="form-error" role="alert" data-testid="add-error">
          {flow.error}
        </p>
      )}
      {body}
      {phase.name !== 'added' && (
        <div className="dialog-buttons">
          <button type="button" className="button" onClick={onClose}>
            {t('app.action.close')}
          </button>
        </div>
      )}
    </Dialog>
  );
}
