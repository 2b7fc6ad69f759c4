import type { ClipboardPaste } from '../shared/api';
import { MAX_URI_LENGTH } from '../shared/limits';
import type { Clipboard, Clock } from '../shared/ports';

/** A screenshot of a 4K screen as PNG is well below this. */
const MAX_PASTED_IMAGE_BYTES = 32 * 1024 * 1024;
const OTPAUTH_LINK = /^otpauth(-migration)?:\/\/\S+$/i;

/** The timer functions the guard uses; injectable so tests control them. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // A pending clear must not keep a CLI or test process alive.
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Copies codes to the clipboard and clears them after a delay, but only if the clipboard still
 * holds the code we put there: whatever the user copied since is left alone.
 */
export class ClipboardGuard {
  private pending: { text: string; timer: unknown } | null = null;

  constructor(
    private readonly clipboard: Clipboard,
    private readonly clock: Clock,
    private readonly timers: Timers = realTimers,
  ) {}

  /**
   * Writes `text` to the clipboard and schedules its clearing after `clearAfterSeconds`
   * (0 = never). Returns when the clearing will happen (Unix ms) or null.
   */
  async copy(text: string, clearAfterSeconds: number): Promise<{ clearsAt: number | null }> {
    this.cancel();
    await this.clipboard.writeText(text);
    if (clearAfterSeconds <= 0) return { clearsAt: null };
    const timer = this.timers.setTimeout(() => void this.clearIfOurs(), clearAfterSeconds * 1000);
    this.pending = { text, timer };
    return { clearsAt: this.clock.now() + clearAfterSeconds * 1000 };
  }

  /**
   * What Add account may take from the clipboard ("Paste from the clipboard"): an image to scan,
   * else an otpauth link. Other text is never returned: it may be a password copied elsewhere.
   */
  async readForAdd(): Promise<ClipboardPaste> {
    const png = await this.clipboard.readImagePng?.();
    if (png && png.length > 0 && png.length <= MAX_PASTED_IMAGE_BYTES) return { kind: 'image', data: Buffer.from(png).toString('base64') };
    const text = (await this.clipboard.readText()).trim();
    if (OTPAUTH_LINK.test(text) && text.length <= MAX_URI_LENGTH) return { kind: 'link', uri: text };
    return { kind: 'empty' };
  }

  /** Clears a pending copy now (at quit), again only if the clipboard still holds it. */
  async flush(): Promise<void> {
    if (!this.pending) return;
    this.timers.clearTimeout(this.pending.timer);
    await this.clearIfOurs();
  }

  private cancel(): void {
    if (this.pending) this.timers.clearTimeout(this.pending.timer);
    this.pending = null;
  }

  private async clearIfOurs(): Promise<void> {
    const pending = this.pending;
    this.pending = null;
    if (!pending) return;
    try {
      if ((await this.clipboard.readText()) === pending.text) await this.clipboard.writeText('');
    } catch {
      // The clipboard may be unavailable (no display); nothing we can do and nothing to report.
    }
  }
}
