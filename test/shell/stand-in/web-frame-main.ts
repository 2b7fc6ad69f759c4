/**
 * Follows docs/api/web-frame-main.md (Electron 45): the main-process view of one frame, with the
 * `url`, `origin`, `processId` and `routingId` main's sender check (electron/ipc.ts) compares.
 * One object per Playwright frame, so the same frame is the same object (as Electron returns).
 * processId: the window's (one renderer per window); routingId: one per frame. `url` is the
 * app:// URL when the frame shows a page of a handled scheme (see ./protocol.ts).
 */
import type { Frame } from 'playwright-core';
import { toAppUrl } from './protocol';

let nextRoutingId = 1;
const frames = new WeakMap<Frame, StandInWebFrameMain>();

export class StandInWebFrameMain {
  readonly routingId = nextRoutingId++;
  constructor(
    readonly frame: Frame,
    readonly processId: number,
  ) {}

  get url(): string {
    return toAppUrl(this.frame.url());
  }

  get origin(): string {
    try {
      const url = new URL(this.url);
      return url.host ? `${url.protocol}//${url.host}` : 'null';
    } catch {
      return 'null';
    }
  }

  get name(): string {
    return this.frame.name();
  }

  get parent(): StandInWebFrameMain | null {
    const parent = this.frame.parentFrame();
    return parent ? frameMain(parent, this.processId) : null;
  }

  get top(): StandInWebFrameMain {
    return this.parent?.top ?? this;
  }

  isDestroyed(): boolean {
    return this.frame.isDetached();
  }

  standInDescription(): string {
    return `[frame ${this.processId}/${this.routingId} ${this.url}]`;
  }
}

export function frameMain(frame: Frame, processId: number): StandInWebFrameMain {
  let known = frames.get(frame);
  if (!known) {
    known = new StandInWebFrameMain(frame, processId);
    frames.set(frame, known);
  }
  return known;
}
