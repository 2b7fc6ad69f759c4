/**
 * Builds `window.tweestap` from API_METHODS: one named verb per method and `onEvent`, nothing
 * else (no generic invoke, no ipcRenderer). Kept free of Electron so unit tests can check it;
 * preload.ts supplies the two IPC functions.
 */
import { API_CHANNEL_PREFIX, API_EVENT_CHANNEL, API_METHODS, type ApiEvent, type RendererBridge } from '../shared/api';

/** Sends a request on a channel and resolves with the reply (ipcRenderer.invoke). */
export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;
/** Listens on a channel; returns the function that stops listening. */
export type Subscribe = (channel: string, listener: (payload: unknown) => void) => () => void;

/** The bridge object the preload exposes; every verb invokes its own channel. */
export function createBridge(invoke: Invoke, subscribe: Subscribe): RendererBridge {
  const verbs = Object.fromEntries(API_METHODS.map((method) => [method, (...args: unknown[]) => invoke(API_CHANNEL_PREFIX + method, ...args)]));
  return Object.freeze({
    ...verbs,
    onEvent: (listener: (event: ApiEvent) => void) => subscribe(API_EVENT_CHANNEL, (payload) => listener(payload as ApiEvent)),
  }) as RendererBridge;
}
