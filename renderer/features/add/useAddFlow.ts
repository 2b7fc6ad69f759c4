/**
 * The add-account conversation with main: send a link or a manual entry with `ask`, and on a
 * duplicate ask the user (replace / keep both / cancel) before sending it again; collect Google
 * export parts ("2 of 3 scanned"); gather what was added for the confirmation screen. Several
 * links (e.g. two QR codes in one image) are sent one after the other.
 */
import { useCallback, useRef, useState } from 'react';
import type { AccountView, AddResult, DuplicateChoice, ManualEntry, UserMessage } from '../../../shared/api';
import { api } from '../../api-client';
import { errorText, useI18n } from '../../i18n/I18nContext';

export type AddRequest = { kind: 'uri'; uri: string } | { kind: 'manual'; entry: ManualEntry };

export type AddPhase =
  | { name: 'input' }
  | { name: 'busy' }
  | { name: 'duplicate'; existing: AccountView; issuer: string; account: string; lookAlike: boolean }
  | { name: 'batch'; scanned: number; total: number; missing: number[] }
  | { name: 'added'; accounts: AccountView[]; warnings: UserMessage[]; scanned: boolean };

/** Where the requests came from: a QR scan (screen, webcam, image) or a form. */
export type AddOrigin = 'scan' | 'form';

export interface AddFlow {
  phase: AddPhase;
  error: string | null;
  /** Sends the requests in order; stops to ask on a duplicate. */
  submit(requests: AddRequest[], origin?: AddOrigin): Promise<void>;
  /** The user's answer to the duplicate question. */
  resolveDuplicate(choice: Exclude<DuplicateChoice, 'ask'> | 'cancel'): Promise<void>;
  setError(error: string | null): void;
  /** Back to the input forms (e.g. to add the next part or another account). */
  reset(): void;
}

function send(request: AddRequest, choice: DuplicateChoice): Promise<AddResult> {
  return request.kind === 'uri' ? api.addFromUri(request.uri, choice) : api.addManual(request.entry, choice);
}

/** The state machine behind the Add account dialog; `onAdded` runs after every successful add. */
export function useAddFlow(onAdded: () => void): AddFlow {
  const { t } = useI18n();
  const [phase, setPhase] = useState<AddPhase>({ name: 'input' });
  const [error, setError] = useState<string | null>(null);
  // Requests still to send, and what was added so far; refs because submit loops across renders.
  const queue = useRef<AddRequest[]>([]);
  const added = useRef<{ accounts: AccountView[]; warnings: UserMessage[]; scanned: boolean }>({ accounts: [], warnings: [], scanned: false });

  const run = useCallback(
    async (first: AddRequest, firstChoice: DuplicateChoice) => {
      let request: AddRequest | undefined = first;
      let choice = firstChoice;
      let last: AddPhase = { name: 'input' };
      setPhase({ name: 'busy' });
      while (request) {
        let result: AddResult;
        try {
          result = await send(request, choice);
        } catch (caught) {
          queue.current = [];
          setError(errorText(t, caught));
          setPhase(added.current.accounts.length ? { name: 'added', ...added.current } : { name: 'input' });
          return;
        }
        if (result.status === 'duplicate') {
          queue.current.unshift(request);
          setPhase({ name: 'duplicate', existing: result.existing, issuer: result.issuer, account: result.account, lookAlike: result.lookAlike });
          return;
        }
        if (result.status === 'added') {
          added.current = {
            accounts: [...added.current.accounts, ...result.accounts],
            warnings: [...added.current.warnings, ...result.warnings],
            scanned: added.current.scanned,
          };
          onAdded();
          last = { name: 'added', ...added.current };
        } else {
          last = { name: 'batch', scanned: result.scanned, total: result.total, missing: result.missing };
        }
        request = queue.current.shift();
        choice = 'ask';
      }
      setPhase(last);
    },
    [onAdded, t],
  );

  const submit = useCallback(
    async (requests: AddRequest[], origin: AddOrigin = 'form') => {
      const [first, ...rest] = requests;
      if (!first) return;
      setError(null);
      if (!added.current.accounts.length) added.current.scanned = origin === 'scan';
      queue.current = rest;
      await run(first, 'ask');
    },
    [run],
  );

  const resolveDuplicate = useCallback(
    async (choice: Exclude<DuplicateChoice, 'ask'> | 'cancel') => {
      const pending = queue.current.shift();
      if (!pending || choice === 'cancel') {
        queue.current = [];
        setPhase(added.current.accounts.length ? { name: 'added', ...added.current } : { name: 'input' });
        return;
      }
      await run(pending, choice);
    },
    [run],
  );

  const reset = useCallback(() => {
    queue.current = [];
    added.current = { accounts: [], warnings: [], scanned: false };
    setError(null);
    setPhase({ name: 'input' });
  }, []);

  return { phase, error, submit, resolveDuplicate, setError, reset };
}
