import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TweestapError } from '../../../../shared/errors';
import { lumaOf } from '../../../../shared/qr/pixels';
import { createZxingDecoder, type ZxingWasmSource } from '../../../../shared/qr/zxing';
import { generateScreenshot, invertImage, plainCodesImage } from '../../../fixtures/qr/generate';

const wasmBinary = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
const URI = 'otpauth://totp/Nse-Portal:jan@example.nl?secret=JBSWY3DPEHPK3PXP&issuer=Nse-Portal&period=20';
const LINK = 'https://apps.example.com/app/id123456789';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('zxing-wasm adapter', () => {
  it('loads the wasm from the bytes it is given, with the network cut off', async () => {
    const fetchCalls: unknown[] = [];
    vi.stubGlobal('fetch', (...args: unknown[]) => {
      fetchCalls.push(args);
      throw new Error('no network in this test');
    });
    const decoder = await createZxingDecoder({ wasmBinary });
    expect(await decoder.decode(plainCodesImage([URI]))).toEqual([URI]);
    expect(fetchCalls).toEqual([]);
  });

  it('reads grey pixels (one byte each) as it reads the same image in RGBA, boxes included', async () => {
    const decoder = await createZxingDecoder({ wasmBinary });
    const image = plainCodesImage([URI, LINK], 3);
    const grey = lumaOf(image);
    expect(grey.data.length).toBe(image.width * image.height);
    const fromGrey = await decoder.read(grey, { downscale: false, locate: true });
    expect([...fromGrey.texts].sort()).toEqual([LINK, URI].sort());
    expect(fromGrey).toEqual(await decoder.read(image, { downscale: false, locate: true }));
  });

  it('refuses to start without our own wasm (zxing-wasm would fall back to a CDN)', async () => {
    for (const source of [{}, { wasmBinary: new Uint8Array(0) }, { wasmUrl: '' }]) {
      const failure = await createZxingDecoder(source as ZxingWasmSource).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(TweestapError);
      expect(failure).toMatchObject({ kind: 'internal', key: 'qr.decoderUnavailable' });
    }
  });

  it('finds every code of an image, light-on-dark ones too', async () => {
    const decoder = await createZxingDecoder({ wasmBinary });
    expect((await decoder.decode(plainCodesImage([URI, LINK]))).sort()).toEqual([LINK, URI].sort());
    expect(await decoder.decode(invertImage(plainCodesImage([URI])))).toEqual([URI]);
  });

  it('drops a code whose content is empty', async () => {
    const decoder = await createZxingDecoder({ wasmBinary });
    expect(await decoder.decode(plainCodesImage([new Uint8Array(0), URI]))).toEqual([URI]);
  });

  it('finds the codes of a 4K screenshot, small modules and very large ones alike', async () => {
    const decoder = await createZxingDecoder({ wasmBinary });
    for (const moduleSize of [2, 40]) {
      const shot = generateScreenshot(7, { width: 3840, height: 2160, codeCount: 2, moduleSize });
      expect((await decoder.decode(shot.image)).sort(), `${moduleSize} px per module`).toEqual([...shot.texts].sort());
    }
  });
});
