/**
 * The English text TweestapError carries as its `message` (for logs and the CLI). The renderer's
 * build swaps this module for error-text.window.ts (vite.config.ts), so the window and the QR
 * worker, which translate errors by key where they show them, do not carry every message.
 */
import { translate, type MessageKey } from './index';
import type { MessageParams } from './locale';

export function errorMessage(key: MessageKey, params: MessageParams): string {
  return translate('en', key, params);
}
