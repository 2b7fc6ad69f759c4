/**
 * One account in the list: the issuer large with the account name below it (as the portal's
 * instructions show), its code and countdown. Click or Enter copies; Alt+Arrow keys or the drag
 * handle reorder. Memoised: only its LiveCode re-renders every second.
 */
import { memo, useState, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { AccountView, CodeSlot, CodeView } from '../../../shared/api';
import { errorText, useI18n } from '../../i18n/I18nContext';
import { api } from '../../api-client';
import { AccountName } from './AccountName';
import { groupCode } from './format';
import { LiveCode } from './LiveCode';

export interface RowActions {
  copy(account: AccountView): void;
  rename(account: AccountView): void;
  remove(account: AccountView): void;
  /** Moves the account one place up (-1) or down (+1). */
  move(account: AccountView, delta: -1 | 1): void;
  /** Drops the dragged account onto this one. */
  dropOn(targetId: string): void;
  dragStart(accountId: string): void;
  readd(account: AccountView): void;
}

interface AccountRowProps {
  account: AccountView;
  code: CodeView | undefined;
  showNextCode: boolean;
  offsetMs: number;
  canReorder: boolean;
  actions: RowActions;
}

/** The display name used in labels and confirmations: `Issuer (account)`. */
export function accountLabel(account: Pick<AccountView, 'issuer' | 'account'>): string {
  if (account.issuer && account.account) return `${account.issuer} (${account.account})`;
  return account.issuer || account.account;
}

function AccountRowImpl({ account, code, showNextCode, offsetMs, canReorder, actions }: AccountRowProps) {
  const { t } = useI18n();
  const [dropTarget, setDropTarget] = useState(false);
  const label = accountLabel(account);

  const onKeyDown = (event: KeyboardEvent) => {
    if (!canReorder || !event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    actions.move(account, event.key === 'ArrowUp' ? -1 : 1);
  };
  const dropHandlers = canReorder
    ? {
        onDragOver: (event: DragEvent) => {
          if (!event.dataTransfer.types.includes('application/x-tweestap-account')) return;
          event.preventDefault();
          setDropTarget(true);
        },
        onDragLeave: () => setDropTarget(false),
        onDrop: (event: DragEvent) => {
          if (!event.dataTransfer.types.includes('application/x-tweestap-account')) return;
          event.preventDefault();
          event.stopPropagation();
          setDropTarget(false);
          actions.dropOn(account.id);
        },
      }
    : {};

  return (
    <li className="account-row" data-account-id={account.id} data-drop-target={dropTarget || undefined} onKeyDown={onKeyDown} {...dropHandlers}>
      {canReorder && (
        <span
          className="drag-handle"
          draggable
          aria-hidden="true"
          title={t('app.account.dragHint')}
          data-testid="drag-handle"
          onDragStart={(event) => {
            event.dataTransfer.setData('application/x-tweestap-account', account.id);
            event.dataTransfer.effectAllowed = 'move';
            actions.dragStart(account.id);
          }}
        >
          ⠿
        </span>
      )}
      <AccountBody account={account} code={code} showNextCode={showNextCode} offsetMs={offsetMs} actions={actions} />
      <span className="row-actions">
        {canReorder && (
          <>
            <button type="button" className="icon-button" aria-label={t('app.account.moveUp', { name: label })} onClick={() => actions.move(account, -1)}>
              ↑
            </button>
            <button type="button" className="icon-button" aria-label={t('app.account.moveDown', { name: label })} onClick={() => actions.move(account, 1)}>
              ↓
            </button>
          </>
        )}
        <button type="button" className="icon-button" aria-label={t('app.account.rename', { name: label })} onClick={() => actions.rename(account)}>
          ✎
        </button>
        <button type="button" className="icon-button danger" aria-label={t('app.account.delete', { name: label })} onClick={() => actions.remove(account)}>
          ✕
        </button>
      </span>
    </li>
  );
}

/** The labels plus whatever the account can show: a TOTP code, an HOTP button, or a missing secret. */
function AccountBody({ account, code, showNextCode, offsetMs, actions }: Omit<AccountRowProps, 'canReorder'>) {
  const { t } = useI18n();
  const labels = (
    <span className="account-labels">
      <span className="issuer" title={account.issuer || account.account}>
        {account.issuer || account.account}
      </span>
      {account.issuer && (
        <span className="account-name" title={account.account}>
          <AccountName text={account.account} />
        </span>
      )}
    </span>
  );
  if (account.secretMissing) {
    return (
      <span className="account-main account-missing">
        {labels}
        <span className="missing-note">{t('app.account.secretMissing')}</span>
        <button type="button" className="button" onClick={() => actions.readd(account)}>
          {t('app.account.readd')}
        </button>
      </span>
    );
  }
  if (account.type === 'hotp') return <HotpBody account={account}>{labels}</HotpBody>;
  return (
    <button type="button" className="account-main" aria-describedby="copy-hint" onClick={() => actions.copy(account)} data-testid="copy-button">
      {labels}
      {code ? <LiveCode code={code} showNextCode={showNextCode} offsetMs={offsetMs} /> : <span className="code code-pending">··· ···</span>}
    </button>
  );
}

/** HOTP: a code is made only on request, because making one advances the counter. */
function HotpBody({ account, children }: { account: AccountView; children: ReactNode }) {
  const { t } = useI18n();
  const [slot, setSlot] = useState<CodeSlot | null>(null);
  const [error, setError] = useState<string | null>(null);
  const generate = async () => {
    try {
      setSlot(await api.nextHotpCode(account.id));
      setError(null);
    } catch (caught) {
      setError(errorText(t, caught));
    }
  };
  return (
    <span className="account-main">
      {children}
      {slot && <span className="code selectable">{groupCode(slot.code)}</span>}
      <button type="button" className="button" onClick={() => void generate()}>
        {t('app.account.hotpNext')}
      </button>
      {error && <span role="alert">{error}</span>}
    </span>
  );
}

/** A memoised row: re-renders only when its account, its code or the actions change. */
export const AccountRow = memo(AccountRowImpl);
