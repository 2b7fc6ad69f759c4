/**
 * One shared 1-second ticker for every countdown, aligned to whole seconds of the renderer clock
 * so that each countdown changes exactly at a second (and a step) boundary. Components read it
 * with `useNow()`; the timer runs only while someone listens.
 */
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setTimeout> | undefined;

function schedule(): void {
  // Wake just after the next whole second, so floor/ceil of the time never lag a second behind.
  timer = setTimeout(() => {
    now = Date.now();
    listeners.forEach((listener) => listener());
    schedule();
  }, 1000 - (Date.now() % 1000));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) {
    now = Date.now();
    schedule();
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) clearTimeout(timer);
  };
}

/** The renderer clock (Unix ms), re-read once per second by the shared ticker. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}
