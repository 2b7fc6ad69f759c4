/**
 * The scanning side of Add account: turns what a scan found into add requests (via planScan),
 * holds the "which account?" choice, and runs the screen scan.
 */
import { useCallback, useRef, useState } from 'react';
import type { AppInfo } from '../../../shared/api';
import { errorText, useI18n } from '../../i18n/I18nContext';
import { textsFromImages } from '../add/incoming';
import type { AddFlow } from '../add/useAddFlow';
import { mediaError } from './media-errors';
import { noQrError, planScan, type ScanSource } from './plan';
import { scanScreens } from './screen-capture';

export interface ScanActions {
  /** Links waiting for the user's pick (several accounts in one scan), else null. */
  picking: string[] | null;
  /** The chosen links are added; the choice closes. */
  pick(uris: string[]): void;
  screenBusy: boolean;
  /** Judges the texts a scan found and adds, asks or explains. */
  handleTexts(texts: readonly string[], source: ScanSource): void;
  /** Decodes opened, dropped or pasted images, then handleTexts. */
  scanImages(files: readonly File[]): Promise<void>;
  /** Hides the window, grabs every screen, decodes, then handleTexts. */
  scanScreen(): Promise<void>;
}

/** Scan actions bound to the dialog's add flow; `info` gives the platform for guides. */
export function useScan(flow: Pick<AddFlow, 'submit' | 'setError'>, info: AppInfo | null): ScanActions {
  const { t } = useI18n();
  const [picking, setPicking] = useState<string[] | null>(null);
  const [screenBusy, setScreenBusy] = useState(false);
  const running = useRef(false);
  const { submit, setError } = flow;

  const handleTexts = useCallback(
    (texts: readonly string[], source: ScanSource) => {
      const plan = planScan(texts);
      setPicking(null);
      if (plan.kind === 'none') setError(errorText(t, noQrError(source)));
      else if (plan.kind === 'other') setError(errorText(t, plan.error));
      else if (plan.kind === 'pick') {
        setError(null);
        setPicking(plan.uris);
      } else void submit(plan.uris.map((uri) => ({ kind: 'uri', uri })), 'scan');
    },
    [submit, setError, t],
  );

  const pick = useCallback(
    (uris: string[]) => {
      setPicking(null);
      void submit(uris.map((uri) => ({ kind: 'uri', uri })), 'scan');
    },
    [submit],
  );

  const scanImages = useCallback(
    async (files: readonly File[]) => {
      try {
        handleTexts(await textsFromImages(files), 'image');
      } catch (caught) {
        setError(errorText(t, caught));
      }
    },
    [handleTexts, setError, t],
  );

  const scanScreen = useCallback(async () => {
    if (running.current) return; // The tray and the button at once: one scan.
    running.current = true;
    setScreenBusy(true);
    setError(null);
    try {
      handleTexts(await scanScreens(info ? !info.previewHost : true), 'screen');
    } catch (caught) {
      setError(errorText(t, mediaError(caught, 'screen', info?.platform)));
    } finally {
      running.current = false;
      setScreenBusy(false);
    }
  }, [handleTexts, info, setError, t]);

  return { picking, pick, screenBusy, handleTexts, scanImages, scanScreen };
}
