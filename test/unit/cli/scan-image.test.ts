import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scanImageFile } from '../../../cli/scan-image';
import { TweestapError } from '../../../shared/errors';
import { encodeJpeg, encodePng, generateScreenshot } from '../../fixtures/qr/generate';

const dir = mkdtempSync(join(tmpdir(), 'tweestap-scan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

const FULL_HD = { width: 1920, height: 1080 };

describe('scanImageFile', () => {
  it('finds the one code of a PNG screenshot', async () => {
    const shot = generateScreenshot(11, { ...FULL_HD, codeCount: 1, moduleSize: 3 });
    const scan = await scanImageFile(write('one.png', encodePng(shot.image)));
    expect(scan).toMatchObject({ width: 1920, height: 1080, texts: shot.texts });
    expect(scan.texts[0]).toMatch(/^otpauth:\/\/totp\//);
    expect(scan.decodeMs).toBeGreaterThanOrEqual(0);
  });

  it('finds both codes of a two-code screenshot', async () => {
    const shot = generateScreenshot(12, { ...FULL_HD, codeCount: 2 });
    expect(shot.texts).toHaveLength(2);
    const scan = await scanImageFile(write('two.png', encodePng(shot.image)));
    expect([...scan.texts].sort()).toEqual([...shot.texts].sort());
  });

  it('finds a light-on-dark code', async () => {
    const shot = generateScreenshot(13, { ...FULL_HD, codeCount: 1, inverted: true, moduleSize: 4 });
    expect((await scanImageFile(write('inverted.png', encodePng(shot.image)))).texts).toEqual(shot.texts);
  });

  it('reads a JPEG by its bytes, whatever the file is called', async () => {
    const shot = generateScreenshot(14, { ...FULL_HD, codeCount: 1, moduleSize: 5 });
    expect((await scanImageFile(write('really-a-jpeg.png', encodeJpeg(shot.image, 85)))).texts).toEqual(shot.texts);
  });

  it('returns no texts for an image without a code', async () => {
    const shot = generateScreenshot(15, { ...FULL_HD, codeCount: 0 });
    expect((await scanImageFile(write('none.png', encodePng(shot.image)))).texts).toEqual([]);
  });

  it('refuses a file that is not an image', async () => {
    const path = write('notes.png', new TextEncoder().encode('otpauth://totp/x?secret=JBSWY3DPEHPK3PXP'));
    const failure = await failureOf(scanImageFile(path));
    expect(failure).toBeInstanceOf(TweestapError);
    expect(failure).toMatchObject({ kind: 'input', key: 'qr.notAnImage', params: { name: path } });
    expect((failure as Error).message).not.toContain('JBSWY3DPEHPK3PXP');
  });

  it('refuses a truncated PNG', async () => {
    const png = encodePng(generateScreenshot(16, { width: 320, height: 200, codeCount: 1 }).image);
    const failure = await failureOf(scanImageFile(write('cut.png', png.subarray(0, Math.floor(png.length / 2)))));
    expect(failure).toMatchObject({ kind: 'input', key: 'qr.notAnImage' });
  });

  it('refuses huge declared dimensions from the header alone', async () => {
    // Only the headers: were the files decoded, they would fail as damaged, not as too large.
    const png = encodePng({ width: 1, height: 1, data: new Uint8Array(4) });
    png.writeUInt32BE(100_000, 16);
    png.writeUInt32BE(100_000, 20);
    const jpegHeader = Uint8Array.from([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0xea, 0x60, 0xea, 0x60, 0x03]);
    for (const [name, bytes] of [['huge.png', png.subarray(0, 33)], ['huge.jpg', jpegHeader]] as const) {
      const failure = await failureOf(scanImageFile(write(name, bytes)));
      expect(failure).toMatchObject({ kind: 'input', key: 'qr.imageTooLarge' });
    }
  });

  it('says when the file does not exist', async () => {
    const failure = await failureOf(scanImageFile(join(dir, 'missing.png')));
    expect(failure).toMatchObject({ kind: 'not-found', key: 'qr.fileNotFound' });
  });
});
