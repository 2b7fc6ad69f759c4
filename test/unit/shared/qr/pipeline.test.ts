import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { TweestapError } from '../../../../shared/errors';
import { decodeQrTexts, uniqueTexts } from '../../../../shared/qr/pipeline';
import type { QrDecoder, RgbaImage } from '../../../../shared/qr/types';
import { createJsqrDecoder } from '../../../../shared/qr/jsqr';
import { createZxingDecoder } from '../../../../shared/qr/zxing';
import { plainCodesImage } from '../../../fixtures/qr/generate';

const wasmBinary = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
const URI = 'otpauth://totp/Nse-Portal:jan@example.nl?secret=JBSWY3DPEHPK3PXP&issuer=Nse-Portal&period=20';

/** A real decoder that also records which images it was asked about. */
function recording(decoder: QrDecoder): QrDecoder & { calls: number } {
  const wrapper = {
    name: decoder.name,
    calls: 0,
    decode(image: RgbaImage) {
      wrapper.calls++;
      return decoder.decode(image);
    },
  };
  return wrapper;
}

describe('decodeQrTexts', () => {
  it('reports a code shown twice once', async () => {
    const zxing = await createZxingDecoder({ wasmBinary });
    expect(await decodeQrTexts(plainCodesImage([URI, URI]), [zxing])).toEqual([URI]);
  });

  it('asks the fallback only when the first decoder found nothing', async () => {
    const zxing = recording(await createZxingDecoder({ wasmBinary }));
    const jsqr = recording(createJsqrDecoder());
    expect(await decodeQrTexts(plainCodesImage([URI]), [zxing, jsqr])).toEqual([URI]);
    expect(jsqr.calls).toBe(0);
    const blank = { width: 64, height: 64, data: new Uint8ClampedArray(64 * 64 * 4).fill(255) };
    expect(await decodeQrTexts(blank, [zxing, jsqr])).toEqual([]);
    expect([zxing.calls, jsqr.calls]).toEqual([2, 1]);
  });

  it('refuses pixels that do not match the stated size, before decoding', async () => {
    const jsqr = recording(createJsqrDecoder());
    const cases: Array<[RgbaImage, string]> = [
      [{ width: 10, height: 10, data: new Uint8Array(399) }, 'qr.badPixels'],
      [{ width: 0, height: 10, data: new Uint8Array(0) }, 'qr.badPixels'],
      [{ width: 2.5, height: 2, data: new Uint8Array(20) }, 'qr.badPixels'],
      [{ width: 20_000, height: 10, data: new Uint8Array(0) }, 'qr.imageTooLarge'],
      [{ width: 10_000, height: 10_000, data: new Uint8Array(0) }, 'qr.imageTooLarge'],
    ];
    for (const [image, key] of cases) {
      const failure = await decodeQrTexts(image, [jsqr]).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(TweestapError);
      expect(failure).toMatchObject({ kind: 'input', key });
    }
    expect(jsqr.calls).toBe(0);
  });
});

describe('uniqueTexts', () => {
  it('drops empty texts and repeats, keeping the first order', () => {
    expect(uniqueTexts(['b', '', 'a', 'b', ''])).toEqual(['b', 'a']);
  });
});
