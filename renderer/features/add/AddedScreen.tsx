/**
 * After adding: which account was added, its current code large with the countdown, a copy button,
 * and the portal's own words for the last step.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { AccountView, UserMessage } from '../../../shared/api';
import { messageText, useI18n } from '../../i18n/I18nContext';
import type { CodesById } from '../../state/useCodes';
import { useNow } from '../../state/ticker';
import { accountLabel } from '../accounts/AccountRow';
import { secondsLeft } from '../accounts/format';
import { LiveCode } from '../accounts/LiveCode';
import { useCopyCode } from '../accounts/useCopyCode';
import { DialogButtons } from '../../components/DialogButtons';
import { AccountName } from '../accounts/AccountName';
import { planFirstCopy } from './first-copy';

interface AddedScreenProps {
  accounts: AccountView[];
  warnings: UserMessage[];
  codes: CodesById;
  offsetMs: number;
  /** A scan added the account(s): with exactly one, copy its code at once (issue 14: four actions). */
  copyAtOnce: boolean;
  /** Rendered under the portal's words of a single account (the "code not accepted?" help). */
  help?: ReactNode;
  onAddAnother(): void;
  onDone(): void;
}

const PORTAL_ISSUER = /nse/i;

/** The confirmation; with several accounts (a Google export) it lists them all. */
export function AddedScreen({ accounts, warnings, codes, offsetMs, copyAtOnce, help, onAddAnother, onDone }: AddedScreenProps) {
  const { t } = useI18n();
  const copy = useCopyCode();
  const single = accounts.length === 1 ? accounts[0]! : null;
  const singleCode = single ? codes.get(single.id) : undefined;
  const codeRef = useRef<HTMLDivElement>(null);
  const started = useRef(false);
  // What was copied at once: the code valid from `validFrom` (a later one when the current was nearly over).
  const [copied, setCopied] = useState<{ validFrom: number } | null>(null);

  // Once the single account's code is known: focus it, and after a scan copy it and say so.
  useEffect(() => {
    if (!single || !singleCode || started.current) return;
    started.current = true;
    codeRef.current?.focus();
    if (!copyAtOnce) return;
    const plan = planFirstCopy(singleCode, Date.now(), offsetMs);
    const said = [
      t('app.added.title', { name: accountLabel(single) }),
      copiedWords(t, single),
      plan.next ? t('app.copy.nextCode', { seconds: plan.secondsUntilValid }) : '',
    ];
    void copy(single, { at: plan.at, confirmation: said.filter(Boolean).join(' ') }).then((ok) => ok && setCopied({ validFrom: plan.validFrom }));
  }, [single, singleCode, copyAtOnce, offsetMs, copy, t]);

  return (
    <div className="added" data-testid="added-screen">
      {accounts.length > 1 && <p className="added-count">{t('app.added.many', { count: accounts.length })}</p>}
      {accounts.map((account) => {
        const code = codes.get(account.id);
        return (
          <section key={account.id} className="added-account" aria-label={accountLabel(account)}>
            <p className="added-title">{t('app.added.title', { name: accountLabel(account) })}</p>
            <p className="issuer">{account.issuer}</p>
            <p className="account-name">
              <AccountName text={account.account} />
            </p>
            {code && (
              <>
                <div
                  ref={account === single ? codeRef : undefined}
                  className="added-code"
                  role="group"
                  aria-label={t('app.added.codeLabel', { name: accountLabel(account) })}
                  tabIndex={-1}
                  data-testid="added-code"
                >
                  <LiveCode code={code} showNextCode={copied !== null && copied.validFrom > code.validFrom} offsetMs={offsetMs} />
                </div>
                {account === single && copied && <CopiedNote account={account} validFrom={copied.validFrom} offsetMs={offsetMs} />}
                <button type="button" className="button primary" onClick={() => void copy(account)}>
                  {t('app.added.copy')}
                </button>
              </>
            )}
            {accounts.length === 1 && (
              <p className="portal-words">
                {PORTAL_ISSUER.test(account.issuer) ? t('app.added.portalWords') : t('app.added.otherWords', { issuer: account.issuer || account.account })}
              </p>
            )}
            {account === single && help}
          </section>
        );
      })}
      {warnings.map((warning, index) => (
        <p key={index} className="warning" role="note">
          {messageText(t, warning)}
        </p>
      ))}
      <DialogButtons
        actions={[
          { label: t('app.added.another'), onClick: onAddAnother },
          { label: t('app.added.done'), onClick: onDone, kind: 'primary' },
        ]}
      />
    </div>
  );
}

/** "Code copied — paste it into the NSE Portal" (or where the other service asks for it). */
function copiedWords(t: ReturnType<typeof useI18n>['t'], account: AccountView): string {
  return PORTAL_ISSUER.test(account.issuer) ? t('app.added.copiedPortal') : t('app.added.copiedOther', { issuer: account.issuer || account.account });
}

/** The visible confirmation of the copy at once; for a next code, also how long until it is valid. */
function CopiedNote({ account, validFrom, offsetMs }: { account: AccountView; validFrom: number; offsetMs: number }) {
  const { t } = useI18n();
  const wait = secondsLeft(validFrom, useNow() + offsetMs);
  return (
    <p className="copied-note" data-testid="copied-note">
      {copiedWords(t, account)} {wait > 0 && t('app.copy.nextCode', { seconds: wait })}
    </p>
  );
}
