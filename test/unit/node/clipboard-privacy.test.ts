import { describe, expect, it } from 'vitest';
import { clipboardPrivacyMarkers, concealedClipboardEntries } from '../../../node/clipboard-privacy';
import { ownerScript } from '../../../preview/x11-clipboard-owner';

const raw = (format: string) => `electron application/osclipboard;format="${format}"`;

async function bytesOf(value: string | Blob | undefined): Promise<number[]> {
  if (!(value instanceof Blob)) throw new Error('expected a Blob');
  return [...new Uint8Array(await value.arrayBuffer())];
}

describe('clipboard privacy markers (issue 12.7)', () => {
  it('Windows: out of the clipboard monitor, history and cloud sync (DWORD 0)', async () => {
    const entries = concealedClipboardEntries('123456', 'win32');
    expect(Object.keys(entries)).toEqual([
      'text/plain',
      raw('ExcludeClipboardContentFromMonitorProcessing'),
      raw('CanIncludeInClipboardHistory'),
      raw('CanUploadToCloudClipboard'),
    ]);
    expect(entries['text/plain']).toBe('123456');
    expect(await bytesOf(entries[raw('CanIncludeInClipboardHistory')])).toEqual([0, 0, 0, 0]);
    expect(await bytesOf(entries[raw('CanUploadToCloudClipboard')])).toEqual([0, 0, 0, 0]);
  });

  it('macOS: org.nspasteboard.ConcealedType', async () => {
    const entries = concealedClipboardEntries('123456', 'darwin');
    expect(Object.keys(entries)).toEqual(['text/plain', raw('org.nspasteboard.ConcealedType')]);
    expect(await bytesOf(entries[raw('org.nspasteboard.ConcealedType')])).toEqual([...Buffer.from('123456')]);
  });

  it.each(['linux', 'freebsd'] as const)('%s: x-kde-passwordManagerHint = secret', (platform) => {
    expect(clipboardPrivacyMarkers('123456', platform)).toEqual([{ format: 'x-kde-passwordManagerHint', data: new TextEncoder().encode('secret') }]);
  });
});

describe('the X clipboard owner program', () => {
  it('carries the values Base64-encoded, never as Tcl text', () => {
    const script = ownerScript({ UTF8_STRING: '[exec rm -rf ~] $x', 'x-kde-passwordManagerHint': 'secret' });
    expect(script).not.toContain('exec rm');
    expect(script).toContain(Buffer.from('[exec rm -rf ~] $x').toString('base64'));
    expect(script).toContain('-type {x-kde-passwordManagerHint}');
  });

  it('refuses a target name Tcl could read as more than a word', () => {
    expect(() => ownerScript({ 'a b': 'x' })).toThrow(/unsafe X target/);
    expect(() => ownerScript({ 'a}[exit]': 'x' })).toThrow(/unsafe X target/);
  });
});
