/**
 * The renderer's door to the QR decode worker. One worker for the window's lifetime; requests
 * are answered in any order and matched by id. For live video, await each frame's answer before
 * sending the next, so frames never queue up behind a slow one.
 */
import { TweestapError } from '../../shared/errors';
import type { RgbaImage } from '../../shared/qr/types';
import type { DecodeReply, DecodeRequest } from './protocol';

type Pending = { resolve: (texts: string[]) => void; reject: (error: TweestapError) => void };

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

function decodeWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module', name: 'qr-decode' });
    worker.onmessage = ({ data: reply }: MessageEvent<DecodeReply>) => {
      const waiting = pending.get(reply.id);
      pending.delete(reply.id);
      if (reply.ok) waiting?.resolve(reply.texts);
      else waiting?.reject(new TweestapError(reply.error.kind, reply.error.key, reply.error.params));
    };
    worker.onerror = () => {
      // The worker itself failed to load (e.g. blocked by the CSP): fail everything waiting.
      for (const waiting of pending.values()) waiting.reject(new TweestapError('internal', 'qr.decoderUnavailable'));
      pending.clear();
      worker = undefined;
    };
  }
  return worker;
}

function request(message: DecodeRequest, transfer: Transferable[] = []): Promise<string[]> {
  return new Promise((resolve, reject) => {
    pending.set(message.id, { resolve, reject });
    decodeWorker().postMessage(message, transfer);
  });
}

/**
 * Every QR text in RGBA pixels (an ImageData from a canvas, a video frame). The pixels' buffer is
 * transferred to the worker, so `image.data` is unusable afterwards; pass a copy to keep it.
 * `live`: one frame of a live video loop (the webcam), where the costly closer look at hard
 * frames runs only every few frames (see LIVE_CLOSER_LOOK_EVERY in shared/qr/pipeline.ts).
 * Rejects with TweestapError `qr.badPixels` or `qr.imageTooLarge`.
 */
export function scanImageData(image: RgbaImage, { live = false } = {}): Promise<string[]> {
  const { width, height, data } = image;
  // Transfer only a buffer the pixels fill exactly; a view into a larger buffer is copied.
  const exact = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data : data.slice();
  const buffer = exact.buffer as ArrayBuffer;
  return request({ id: nextId++, kind: 'pixels', width, height, data: buffer, live }, [buffer]);
}

/**
 * Every QR text in an encoded image (PNG, JPEG, WebP, GIF, BMP): a File from a picker or a drop,
 * or a Blob from the clipboard. Rejects with TweestapError `qr.unreadableImage` for anything the
 * browser cannot decode as an image, or `qr.imageTooLarge`.
 */
export function scanBlob(blob: Blob): Promise<string[]> {
  return request({ id: nextId++, kind: 'blob', blob });
}
