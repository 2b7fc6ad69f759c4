/** Messages between renderer/qr/client.ts and renderer/qr/decode.worker.ts. */
import type { ErrorKind, TweestapError } from '../../shared/errors';
import type { MessageParams } from '../../shared/i18n/locale';

/**
 * RGBA pixels (the buffer is transferred, not copied) or an encoded image to decode first.
 * `live`: a frame of a live video loop (the webcam), decoded with the live pipeline.
 */
export type DecodeRequest =
  | { id: number; kind: 'pixels'; width: number; height: number; data: ArrayBuffer; live: boolean }
  | { id: number; kind: 'blob'; blob: Blob };

export type DecodeReply =
  | { id: number; ok: true; texts: string[] }
  | { id: number; ok: false; error: { kind: ErrorKind; key: TweestapError['key']; params: MessageParams } };
