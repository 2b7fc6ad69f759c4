/**
 * The row of buttons at the foot of a dialog or form, in reading order, the main action marked
 * `primary`. One component, so every dialog's buttons look and behave the same.
 */

/** One button of the row. */
export interface DialogAction {
  label: string;
  /** Absent for a form's submit button. */
  onClick?: () => void;
  /** The form's submit button (Enter in a field presses it). */
  submit?: boolean;
  kind?: 'primary' | 'danger';
  autoFocus?: boolean;
  disabled?: boolean;
  /** Work is under way (announced to screen readers as busy). */
  busy?: boolean;
}

interface DialogButtonsProps {
  actions: readonly DialogAction[];
  /** `start`: a row of choices at the start of a section rather than a dialog's closing buttons. */
  align?: 'start' | 'end';
}

/** The buttons of a dialog. */
export function DialogButtons({ actions, align = 'end' }: DialogButtonsProps) {
  return (
    <div className={align === 'start' ? 'dialog-buttons start' : 'dialog-buttons'}>
      {actions.map(({ label, onClick, submit, kind, autoFocus, disabled, busy }) => (
        <button
          key={label}
          type={submit ? 'submit' : 'button'}
          className={kind ? `button ${kind}` : 'button'}
          onClick={onClick}
          autoFocus={autoFocus}
          disabled={disabled}
          aria-busy={busy || undefined}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
