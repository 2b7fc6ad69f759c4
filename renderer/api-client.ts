/**
 * The renderer's only way to reach main. In Electron the preload exposes `window.tweestap`; in the
 * browser preview host (development and tests) a loopback client with the same shape is built from
 * the same API_METHODS list. `api` unwraps every ApiResult into a value or a thrown ApiError.
 */
import {
  API_METHODS,
  type ApiEvent,
  type ApiMethod,
  type ApiResult,
  type RendererBridge,
  type TweestapApi,
} from '../shared/api';
import { ApiError } from './api-error';

declare global {
  interface Window {
    tweestap?: RendererBridge;
  }
}

/**
 * The loopback token the preview host put in the URL fragment (`#token=...`), read once and then
 * removed from the address bar (preview/PROTOCOL.md). It is kept for this tab only, so that a
 * reload still works; it is a per-run capability of the preview host, not an account secret.
 */
function takeTokenFromLocation(): string {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromHash) {
    history.replaceState(null, '', window.location.pathname + window.location.search);
    sessionStorage.setItem('tweestap-preview-token', fromHash);
  }
  return fromHash ?? sessionStorage.getItem('tweestap-preview-token') ?? '';
}

/** Error for anything that did not come back as an ApiResult (host gone, bad JSON). */
function transportFailure<T>(): ApiResult<T> {
  return { ok: false, error: { kind: 'internal', key: 'app.error.connection', params: {} } };
}

/**
 * A RendererBridge over the preview host's protocol (preview/PROTOCOL.md): `POST /api/<method>`
 * with `{ args }` and a bearer token, events as Server-Sent Events.
 */
export function createLoopbackBridge(baseUrl: string, token: string): RendererBridge {
  const call = async (method: ApiMethod, args: unknown[]): Promise<ApiResult<unknown>> => {
    try {
      const response = await fetch(`${baseUrl}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ args }),
      });
      if (!response.ok) return transportFailure();
      // A missing `value` means the method returned undefined.
      return (await response.json()) as ApiResult<unknown>;
    } catch {
      return transportFailure();
    }
  };
  const verbs = Object.fromEntries(API_METHODS.map((method) => [method, (...args: unknown[]) => call(method, args)]));
  // One EventSource, opened on the first subscription, shared by every listener.
  const listeners = new Set<(event: ApiEvent) => void>();
  let source: EventSource | undefined;
  const onEvent = (listener: (event: ApiEvent) => void): (() => void) => {
    listeners.add(listener);
    if (!source) {
      source = new EventSource(`${baseUrl}/api/events?token=${encodeURIComponent(token)}`);
      source.onmessage = (message: MessageEvent<string>) => {
        const event = JSON.parse(message.data) as ApiEvent;
        listeners.forEach((each) => each(event));
      };
    }
    return () => listeners.delete(listener);
  };
  return { ...verbs, onEvent } as RendererBridge;
}

/** The preload's bridge in Electron, else the loopback client for the preview host. */
export function resolveBridge(): RendererBridge {
  return window.tweestap ?? createLoopbackBridge(window.location.origin, takeTokenFromLocation());
}

const bridge = resolveBridge();

/** Every API verb as a plain async function: resolves with the value or throws an ApiError. */
export const api = Object.fromEntries(
  API_METHODS.map((method) => [
    method,
    async (...args: unknown[]) => {
      const verb = bridge[method] as (...a: unknown[]) => Promise<ApiResult<unknown>>;
      const result = await verb(...args);
      if (result.ok) return result.value;
      const { kind, key, params } = result.error;
      throw new ApiError(kind, key, params ?? {});
    },
  ]),
) as unknown as TweestapApi;

/** Subscribes to events pushed by main; returns the unsubscribe function. */
export function onApiEvent(listener: (event: ApiEvent) => void): () => void {
  return bridge.onEvent(listener);
}
