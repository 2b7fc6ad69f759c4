/**
 * Add account: the ways in (scan the screen, the webcam, an image, paste, a link or a key typed
 * by hand), then duplicates, Google export progress and the confirmation screen, all driven by
 * useAddFlow; scans are judged by useScan.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { AppInfo } from '../../../shared/api';
import { api } from '../../api-client';
import { Dialog } from '../../components/Dialog';
import { useI18n } from '../../i18n/I18nContext';
import type { CodesById } from '../../state/useCodes';
import { AddedScreen } from './AddedScreen';
import { DuplicatePrompt } from './DuplicatePrompt';
import { PickAccounts } from '../scan/PickAccounts';
import { useScan } from '../scan/useScan';
import { WebcamScanner } from '../scan/WebcamScanner';
import { readClipboardForAdd } from './clipboard-read';
import { imageFiles, type Incoming } from './incoming';
import { LinkForm } from './LinkForm';
import { ManualForm } from './ManualForm';
import { useAddFlow } from './useAddFlow';
import { DialogButtons } from '../../components/DialogButtons';

type Method = 'choose' | 'link' | 'manual' | 'webcam';

interface AddDialogProps {
  codes: CodesById;
  offsetMs: number;
  /** Dropped or pasted input, numbered so the same input twice is seen twice. */
  incoming: { id: number; value: Incoming } | null;
  /** Labels of an account to re-add (its secret was missing): opens the manual form. */
  readd: { issuer: string; account: string } | null;
  /** For the platform's permission guides; null while loading. */
  info: AppInfo | null;
  /** The "code not accepted?" help under a single added account (the clock check). */
  codeHelp?: ReactNode;
  onAdded(): void;
  onClose(): void;
}

/** The dialog; `onAdded` lets the window reload its list after each account. */
export function AddDialog({ codes, offsetMs, incoming, readd, info, codeHelp, onAdded, onClose }: AddDialogProps) {
  const { t } = useI18n();
  const flow = useAddFlow(onAdded);
  const scan = useScan(flow, info);
  const [method, setMethod] = useState<Method>(readd ? 'manual' : 'choose');
  // Reading the clipboard, or reading it was refused (then: press Ctrl+V now).
  const [pasteState, setPasteState] = useState<'idle' | 'reading' | 'refused'>('idle');
  const fileInput = useRef<HTMLInputElement>(null);
  const { submit, setError } = flow;
  const { scanImages, scanScreen } = scan;

  // Closing the dialog gives up a half-scanned Google export, so the next one starts afresh.
  useEffect(() => () => void api.cancelImportBatch().catch(() => undefined), []);

  useEffect(() => {
    if (!incoming) return;
    const { value } = incoming;
    if ('text' in value) void submit([{ kind: 'uri', uri: value.text.trim() }]);
    else if ('scan' in value) void scanScreen();
    else void scanImages(value.files);
  }, [incoming, submit, scanImages, scanScreen]);

  const openFiles = (files: FileList | null) => {
    const images = imageFiles(files);
    if (files?.length && images.length === 0) setError(t('app.image.notImage'));
    else if (images.length) void scanImages(images);
    if (fileInput.current) fileInput.current.value = '';
  };
  const pasteFromClipboard = async () => {
    setError(null);
    setPasteState('reading');
    try {
      const content = await readClipboardForAdd();
      setPasteState('idle');
      if ('files' in content) void scanImages(content.files);
      else if ('text' in content) void submit([{ kind: 'uri', uri: content.text }]);
      else setError(t('app.add.pasteEmpty'));
    } catch {
      // main could not read the clipboard: Ctrl+V in the window still works.
      setPasteState('refused');
    }
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
        copyAtOnce={phase.scanned}
        help={codeHelp}
        onAddAnother={() => {
          flow.reset();
          setMethod('choose');
        }}
        onDone={onClose}
      />
    );
  } else if (phase.name === 'duplicate') {
    body = <DuplicatePrompt issuer={phase.issuer} account={phase.account} existing={phase.existing} lookAlike={phase.lookAlike} flow={flow} />;
  } else {
    body = (
      <>
        {phase.name === 'batch' && (
          <p className="batch-progress" role="status" data-testid="batch-progress">
            {t('app.batch.progress', { scanned: phase.scanned, total: phase.total })}{' '}
            {t('app.batch.missing', { parts: phase.missing.map((index) => index + 1).join(', ') })}
          </p>
        )}
        {scan.picking ? (
          <PickAccounts uris={scan.picking} onPick={scan.pick} />
        ) : method === 'choose' ? (
          <div className="add-methods">
            <div className="add-method add-method-first">
              <button type="button" className="button primary large" disabled={scan.screenBusy} aria-describedby="scan-screen-hint" onClick={() => void scanScreen()}>
                {t('app.add.scanScreen')}
              </button>
              <p id="scan-screen-hint" className="field-hint">
                {t('app.add.scanScreenHint')} {info?.waylandSession && t('app.add.waylandHint')}
              </p>
              {scan.screenBusy && (
                <p role="status" className="field-hint">
                  {t('app.scan.screen.busy')}
                </p>
              )}
            </div>
            <h3 className="add-methods-heading">{t('app.add.otherWaysHeading')}</h3>
            <div className="add-method">
              <button type="button" className="button" aria-describedby="paste-hint-text" disabled={pasteState === 'reading'} onClick={() => void pasteFromClipboard()}>
                {t('app.add.paste')}
              </button>
              <p id="paste-hint-text" className="field-hint">
                {t('app.add.pasteHint')}
              </p>
              {pasteState !== 'idle' && (
                <p role="status" className="field-hint" data-testid="paste-hint">
                  {t(pasteState === 'reading' ? 'app.add.pasteReading' : 'app.scan.pasteHint')}
                </p>
              )}
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
            <button type="button" className="button" onClick={() => setMethod('webcam')}>
              {t('app.add.scanWebcam')}
            </button>
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
            {method === 'webcam' ? (
              <WebcamScanner platform={info?.platform} onFound={(texts) => scan.handleTexts(texts, 'webcam')} />
            ) : method === 'link' ? (
              <LinkForm onSubmit={(request) => void submit([request])} />
            ) : (
              <ManualForm initial={readd ?? undefined} onSubmit={(request) => void submit([request])} />
            )}
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
        <DialogButtons actions={[{ label: t('app.action.close'), onClick: onClose }]} />
      )}
    </Dialog>
  );
}
