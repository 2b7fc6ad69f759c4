/**
 * A modal dialog on the native <dialog> element: `showModal()` makes the rest of the window inert
 * (the focus trap), Escape closes it, and focus returns to where it was when it closes.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { AnnouncerProvider } from './Announcer';

interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Extra class for sizing (e.g. `dialog-wide`). */
  className?: string;
}

/** A modal dialog labelled by its title; closes on Escape through `onClose`. */
export function Dialog({ title, onClose, children, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    const onCancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog ref={ref} className={`dialog ${className ?? ''}`} aria-labelledby={titleId}>
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {/* Its own live region: the window's is inert (and under the backdrop) while this dialog is open. */}
      <AnnouncerProvider>{children}</AnnouncerProvider>
    </dialog>
  );
}
