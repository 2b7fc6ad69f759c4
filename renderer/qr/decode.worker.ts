/// <reference lib="webworker" />
/**
 * The renderer's QR decoder, off the UI thread: RGBA frames (webcam, screen) or encoded images
 * (file, drop, paste) in, QR texts out, through the same pipeline as the CLI. ZXing's `.wasm` is
 * a Vite-bundled asset of our own, fetched from 'self' (the CSP allows 'wasm-unsafe-eval' only).
 */
import zxingWasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { TweestapError } from '../../shared/errors';
import { assertDecodableSize } from '../../shared/qr/image';
import { decodeQrTexts, shippedDecoders } from '../../shared/qr/pipeline';
import type { QrDecoder, RgbaImage } from '../../shared/qr/types';
import { createZxingDecoder } from '../../shared/qr/zxing';
import type { DecodeReply, DecodeRequest } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

/** The pipelines for single images and for live video frames, over one ZXing instance. */
interface Pipelines {
  still: QrDecoder[];
  live: QrDecoder[];
}

let pipelines: Promise<Pipelines> | undefined;

function loadPipelines(): Promise<Pipelines> {
  pipelines ??= createZxingDecoder({ wasmUrl: new URL(zxingWasmUrl, self.location.href).href }).then((zxing) => ({
    still: shippedDecoders(zxing),
    live: shippedDecoders(zxing, { live: true }),
  }));
  return pipelines;
}

self.onmessage = async ({ data: request }: MessageEvent<DecodeRequest>) => {
  let reply: DecodeReply;
  try {
    const image = request.kind === 'pixels' ? { width: request.width, height: request.height, data: new Uint8ClampedArray(request.data) } : await pixelsOf(request.blob);
    const { still, live } = await loadPipelines();
    reply = { id: request.id, ok: true, texts: await decodeQrTexts(image, request.kind === 'pixels' && request.live ? live : still) };
  } catch (error) {
    const known = error instanceof TweestapError ? error : new TweestapError('internal', 'qr.decoderUnavailable');
    reply = { id: request.id, ok: false, error: { kind: known.kind, key: known.key, params: known.params } };
  }
  self.postMessage(reply);
};

/** Decodes PNG, JPEG, WebP, GIF (first frame) or BMP with the browser's own decoders. */
async function pixelsOf(blob: Blob): Promise<RgbaImage> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob);
  } catch {
    throw new TweestapError('input', 'qr.unreadableImage');
  }
  try {
    assertDecodableSize(bitmap.width, bitmap.height);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new TweestapError('internal', 'qr.decoderUnavailable');
    context.drawImage(bitmap, 0, 0);
    return context.getImageData(0, 0, bitmap.width, bitmap.height);
  } finally {
    bitmap.close();
  }
}
