/**
 * Holding Electron's quit until last work is done. In Electron 45 the clipboard calls return
 * Promises, so the clearing of a copied code at quit must be awaited or the app is gone first.
 */

/** The part of Electron's `will-quit` event the guard uses. */
export interface QuitEvent {
  preventDefault(): void;
}

/**
 * A `will-quit` listener: the first quit is held (preventDefault, per app.md) until `finish`
 * settles or `limitMs` passes, whichever comes first, then `quit` is called again and passes.
 */
export function holdQuitUntilDone(finish: () => Promise<void>, quit: () => void, limitMs = 1000): (event: QuitEvent) => void {
  let state: 'running' | 'finishing' | 'done' = 'running';
  return (event) => {
    if (state === 'done') return;
    event.preventDefault();
    if (state === 'finishing') return;
    state = 'finishing';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, limitMs)));
    void Promise.race([finish().catch(() => undefined), limit]).then(() => {
      clearTimeout(timer);
      state = 'done';
      quit();
    });
  };
}
