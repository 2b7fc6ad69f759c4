/**
 * The pacing of live decoding: at most one frame in the worker at a time, so a slow decode never
 * builds a queue and the UI keeps its frame rate; after stop() late results are dropped. Pure
 * (no DOM), so its rules are unit tested; webcam.ts drives it from requestVideoFrameCallback.
 */
export class FrameGate {
  private inFlight = false;
  private stopped = false;

  /** True (and now busy) when a frame may be sent: nothing in flight and not stopped. */
  tryStart(): boolean {
    if (this.inFlight || this.stopped) return false;
    this.inFlight = true;
    return true;
  }

  /** The frame's decode ended; true when its result still counts (not stopped meanwhile). */
  finish(): boolean {
    this.inFlight = false;
    return !this.stopped;
  }

  /** No more frames; results still in flight are dropped by finish(). */
  stop(): void {
    this.stopped = true;
  }

  get isStopped(): boolean {
    return this.stopped;
  }
}

/**
 * The texts in `found` not reported before, recording them in `seen`: the camera sees the same
 * code in frame after frame, and each must reach main only once.
 */
export function freshTexts(seen: Set<string>, found: readonly string[]): string[] {
  const fresh: string[] = [];
  for (const raw of found) {
    const text = raw.trim();
    if (seen.has(text)) continue;
    seen.add(text);
    fresh.push(text);
  }
  return fresh;
}

/**
 * Whether a captured screen is one not grabbed yet in this scan. Main hands out each screen in
 * turn and then starts again, and a browser shares the same screen every time, so the first
 * repeat means every screen was seen. A track without an id counts as one screen.
 */
export function isNewScreen(seen: Set<string>, deviceId: string | undefined): boolean {
  const id = deviceId ?? '';
  if (seen.has(id)) return false;
  seen.add(id);
  return true;
}
