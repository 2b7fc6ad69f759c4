/**
 * Window-wide input: an image (or an otpauth link) dropped on the window or pasted with
 * Ctrl/Cmd+V goes to Add account; typing a letter outside a field starts a search.
 */
import { useEffect, useRef } from 'react';
import { imageFiles, type Incoming } from '../features/add/incoming';

interface WindowInputHandlers {
  onIncoming(incoming: Incoming): void;
  /** A printable key typed outside any field: focus the search box (the key then lands in it). */
  onTypeToSearch(): void;
  /** False while a dialog is open, so typing goes where it belongs. */
  listening: boolean;
}

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

const OTPAUTH = /^\s*otpauth(-migration)?:\/\//i;

/** Installs the drop, paste and type-to-search listeners on the window. */
export function useWindowInput(handlers: WindowInputHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    const onDragOver = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    const onDrop = (event: DragEvent) => {
      const files = imageFiles(event.dataTransfer?.files);
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      if (files.length) latest.current.onIncoming({ files });
    };
    const onPaste = (event: ClipboardEvent) => {
      const files = imageFiles(event.clipboardData?.files);
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (files.length) {
        event.preventDefault();
        latest.current.onIncoming({ files });
      } else if (OTPAUTH.test(text) && !isEditable(event.target)) {
        event.preventDefault();
        latest.current.onIncoming({ text });
      }
    };
    const onKeyDown = (event: KeyboardEvent) => {
      const printable = event.key.length === 1 && event.key !== ' ' && !event.ctrlKey && !event.metaKey && !event.altKey;
      if (printable && latest.current.listening && !isEditable(event.target)) latest.current.onTypeToSearch();
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    window.addEventListener('paste', onPaste);
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
      window.removeEventListener('paste', onPaste);
      window.removeEventListener('keydown', onKeyDown);
    };
  }, []);
}
