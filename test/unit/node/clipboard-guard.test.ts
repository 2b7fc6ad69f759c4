import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClipboardGuard } from '../../../node/clipboard-guard';
import { memoryClipboard } from '../../../preview/system-clipboard';
import type { Clipboard } from '../../../shared/ports';

// Timers are the subject here, so vitest's fake timers drive them.
const clock = { now: () => Date.now() };
let clipboard: Clipboard;
let guard: ClipboardGuard;

beforeEach(() => {
  vi.useFakeTimers({ now: 1_700_000_000_000 });
  clipboard = memoryClipboard();
  guard = new ClipboardGuard(clipboard, clock);
});
afterEach(() => vi.useRealTimers());

describe('ClipboardGuard', () => {
  it('copies the code and clears it after the delay', async () => {
    await expect(guard.copy('123456', 30)).resolves.toEqual({ clearsAt: 1_700_000_030_000 });
    expect(await clipboard.readText()).toBe('123456');
    await vi.advanceTimersByTimeAsync(29_999);
    expect(await clipboard.readText()).toBe('123456');
    await vi.advanceTimersByTimeAsync(1);
    expect(await clipboard.readText()).toBe('');
  });

  it('leaves the clipboard alone when the user copied something else meanwhile', async () => {
    await guard.copy('123456', 10);
    await clipboard.writeText('my own text');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await clipboard.readText()).toBe('my own text');
  });

  it('never clears with a delay of 0', async () => {
    await expect(guard.copy('123456', 0)).resolves.toEqual({ clearsAt: null });
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(await clipboard.readText()).toBe('123456');
  });

  it('a second copy replaces the first timer: only the newer code is cleared, on its own schedule', async () => {
    await guard.copy('111111', 10);
    await vi.advanceTimersByTimeAsync(5_000);
    await guard.copy('222222', 10);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await clipboard.readText()).toBe('222222');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await clipboard.readText()).toBe('');
  });

  it('flush clears a pending code at once (at quit), but only if still ours', async () => {
    await guard.copy('123456', 30);
    await guard.flush();
    expect(await clipboard.readText()).toBe('');
    await guard.copy('654321', 30);
    await clipboard.writeText('user text');
    await guard.flush();
    expect(await clipboard.readText()).toBe('user text');
  });
});
