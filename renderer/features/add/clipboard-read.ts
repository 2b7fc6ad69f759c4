/**
 * "Paste from the clipboard": main reads the clipboard (pasteFromClipboard) and hands over only an
 * image to scan or an otpauth link, never other text, which could be a password copied elsewhere.
 * The renderer's own clipboard access stays denied (electron/security.ts).
 */
import type { ClipboardPaste } from '../../../shared/api';
import { api } from '../../api-client';

export type ClipboardContent = { files: File[] } | { text: string } | { empty: true };

/** main's answer as what Add account handles: image files to scan, a link, or nothing. */
export function clipboardContent(paste: ClipboardPaste): ClipboardContent {
  if (paste.kind === 'image') {
    const bytes = Uint8Array.from(atob(paste.data), (char) => char.charCodeAt(0));
    return { files: [new File([bytes], 'clipboard.png', { type: 'image/png' })] };
  }
  return paste.kind === 'link' ? { text: paste.uri } : { empty: true };
}

/** Asks main for the clipboard's image or link. */
export async function readClipboardForAdd(): Promise<ClipboardContent> {
  return clipboardContent(await api.pasteFromClipboard());
}
