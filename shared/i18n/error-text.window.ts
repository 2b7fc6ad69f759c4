/**
 * error-text.ts as the renderer's build sees it (vite.config.ts): in the window and the QR worker
 * an error's `message` is its key, as nothing there reads it; the UI translates the key.
 */
import type { MessageKey } from './index';

export function errorMessage(key: MessageKey): string {
  return key;
}
