/**
 * The committed icons made by `npm run icons` from build/icon.svg: every PNG has the size its
 * name says and transparent corners, and the .ico and .icns containers index valid PNGs of the
 * sizes Windows and macOS look for.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { ROOT } from './packaged-app';

const ICONS = path.join(ROOT, 'build', 'icons');
const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

function decode(bytes: Buffer): PNG {
  return PNG.sync.read(bytes);
}

/** The alpha of pixel (x, y). */
function alpha(png: PNG, x: number, y: number): number {
  return png.data[(y * png.width + x) * 4 + 3] ?? -1;
}

describe('app icons', () => {
  it.each(PNG_SIZES)('%i px PNG has its size, transparent corners and an opaque centre', async (size) => {
    const png = decode(await readFile(path.join(ICONS, `${size}x${size}.png`)));
    expect([png.width, png.height]).toEqual([size, size]);
    expect(alpha(png, 0, 0)).toBe(0);
    expect(alpha(png, size - 1, size - 1)).toBe(0);
    expect(alpha(png, Math.floor(size / 2), Math.floor(size * 0.3))).toBe(255);
  });

  it('icon.ico indexes PNGs of 16 to 256 px', async () => {
    const ico = await readFile(path.join(ICONS, 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const entry = 6 + 16 * i;
      const declared = ico.readUInt8(entry) || 256;
      const length = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      const png = decode(ico.subarray(offset, offset + length));
      expect(png.width).toBe(declared);
      sizes.push(declared);
    }
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it('icon.icns holds a PNG of the right size for each icon type, 16 to 1024 px', async () => {
    const icns = await readFile(path.join(ICONS, 'icon.icns'));
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const expectedSize: Record<string, number> = {
      icp4: 16, icp5: 32, icp6: 64, ic07: 128, ic08: 256, ic09: 512, ic10: 1024, ic11: 32, ic12: 64, ic13: 256, ic14: 512,
    };
    const seen: string[] = [];
    for (let offset = 8; offset < icns.length; ) {
      const type = icns.toString('ascii', offset, offset + 4);
      const length = icns.readUInt32BE(offset + 4);
      expect(decode(icns.subarray(offset + 8, offset + length)).width, type).toBe(expectedSize[type]);
      seen.push(type);
      offset += length;
    }
    expect(seen.sort()).toEqual(Object.keys(expectedSize).sort());
  });
});
