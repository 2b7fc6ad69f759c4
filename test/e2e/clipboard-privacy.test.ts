/**
 * Issue 12.7 on a real X server (test/e2e/with-display.sh starts Xvfb): a code copied by the
 * preview host's clipboard carries the password-manager marker, so clipboard managers (KDE's
 * Klipper and others) keep it out of their history. Read back with xclip, as any program would.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ClipboardGuard } from '../../node/clipboard-guard';
import { concealedClipboardEntries } from '../../node/clipboard-privacy';
import { systemClipboard } from '../../preview/system-clipboard';
import { wishAvailable } from '../../preview/x11-clipboard-owner';
import { clipboard as standInClipboard, ClipboardItem } from '../shell/stand-in/clipboard';

function xclipOut(target?: string): string {
  const args = ['-selection', 'clipboard', ...(target ? ['-t', target] : []), '-o'];
  const result = spawnSync('xclip', args, { encoding: 'utf8', timeout: 5000 });
  return result.status === 0 ? result.stdout : '';
}

const ready = Boolean(process.env.DISPLAY) && spawnSync('xclip', ['-version']).error === undefined && wishAvailable();

// CI installs xclip and tk (.ci/run): there a missing tool fails instead of skipping the proof.
it.runIf(process.env.CI)('has a display, xclip and wish in CI', () => {
  expect(ready).toBe(true);
});

describe.runIf(ready)('the X clipboard of the preview host (issue 12.7)', () => {
  it('offers a copied code with x-kde-passwordManagerHint = secret beside its text targets', async () => {
    const { clipboard, kind } = systemClipboard(process.env);
    expect(kind).toBe('xclip');
    await clipboard.writeText('493017');
    const targets = xclipOut('TARGETS').split('\n');
    expect(targets).toEqual(expect.arrayContaining(['x-kde-passwordManagerHint', 'UTF8_STRING', 'STRING']));
    expect(xclipOut('x-kde-passwordManagerHint')).toBe('secret');
    expect(xclipOut()).toBe('493017');
    expect(await clipboard.readText()).toBe('493017');
  });

  it('lets the guard clear its own code, and leaves what another program copied since alone', async () => {
    const { clipboard } = systemClipboard(process.env);
    const timers = { setTimeout: () => 0, clearTimeout: () => undefined };
    const guard = new ClipboardGuard(clipboard, { now: () => 0 }, timers);
    await guard.copy('111222', 30);
    await guard.flush();
    expect(xclipOut()).toBe('');
    await guard.copy('333444', 30);
    // xclip leaves a child owning the selection: do not wait for its output streams.
    execFileSync('xclip', ['-selection', 'clipboard', '-i'], { input: 'mine', stdio: ['pipe', 'ignore', 'ignore'], timeout: 5000 });
    await guard.flush();
    expect(xclipOut()).toBe('mine');
    expect(xclipOut('TARGETS')).not.toContain('x-kde-passwordManagerHint');
  });

  it("offers what the Electron adapter writes (electron/clipboard.ts's item, through the Electron stand-in) with the marker", async () => {
    await standInClipboard.write([new ClipboardItem(concealedClipboardEntries('805511', 'linux')) as unknown as Electron.ClipboardItem]);
    expect(xclipOut('TARGETS').split('\n')).toEqual(expect.arrayContaining(['x-kde-passwordManagerHint', 'UTF8_STRING']));
    expect(xclipOut('x-kde-passwordManagerHint')).toBe('secret');
    expect(xclipOut()).toBe('805511');
  });
});
