/**
 * The markers password managers put on the clipboard next to a secret, so clipboard history,
 * cloud clipboards and clipboard managers leave it out. Tweestap copies codes with them:
 * - Windows: `ExcludeClipboardContentFromMonitorProcessing` (present), `CanIncludeInClipboardHistory`
 *   and `CanUploadToCloudClipboard` as a DWORD 0 (Windows 10 1809+ clipboard history and sync);
 * - macOS: `org.nspasteboard.ConcealedType` (nspasteboard.org), holding the text like KeePassXC;
 * - Linux (X11 and Wayland): `x-kde-passwordManagerHint` = `secret` (KDE's Klipper; also honoured
 *   by other clipboard managers).
 * Pure data; the hosts write it (electron/clipboard.ts, preview/system-clipboard.ts).
 */

/** One raw clipboard format written beside the text. */
export interface ClipboardMarker {
  /** The platform's own format name (a Windows clipboard format, a macOS pasteboard type, an X11/Wayland target). */
  format: string;
  data: Uint8Array;
}

const DWORD_ZERO = new Uint8Array(4);
const utf8 = (text: string) => new TextEncoder().encode(text);

/** The Linux marker, also what the preview host's X clipboard offers. */
export const KDE_PASSWORD_HINT = { format: 'x-kde-passwordManagerHint', value: 'secret' } as const;

/** The markers for `text` copied on `platform` (Linux's for any other Unix). */
export function clipboardPrivacyMarkers(text: string, platform: NodeJS.Platform): ClipboardMarker[] {
  if (platform === 'win32') {
    return [
      { format: 'ExcludeClipboardContentFromMonitorProcessing', data: DWORD_ZERO },
      { format: 'CanIncludeInClipboardHistory', data: DWORD_ZERO },
      { format: 'CanUploadToCloudClipboard', data: DWORD_ZERO },
    ];
  }
  if (platform === 'darwin') return [{ format: 'org.nspasteboard.ConcealedType', data: utf8(text) }];
  return [{ format: KDE_PASSWORD_HINT.format, data: utf8(KDE_PASSWORD_HINT.value) }];
}

/**
 * What Electron's `clipboard.write([new ClipboardItem(...)])` takes for a concealed copy of
 * `text`: `text/plain` and each marker as a raw OS format
 * (`electron application/osclipboard;format="<name>"`, docs/api/clipboard.md).
 */
export function concealedClipboardEntries(text: string, platform: NodeJS.Platform): Record<string, string | Blob> {
  const entries: Record<string, string | Blob> = { 'text/plain': text };
  for (const { format, data } of clipboardPrivacyMarkers(text, platform)) {
    entries[`electron application/osclipboard;format="${format}"`] = new Blob([data]);
  }
  return entries;
}
