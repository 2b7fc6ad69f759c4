/**
 * Follows docs/api/native-image.md (Electron 45): `createFromBitmap(buffer, { width, height,
 * scaleFactor })` keeps the raw pixels (`toBitmap()` gives them back, `getSize()` the size) and
 * `createEmpty()`. Images are only held and described, never drawn.
 */
import type { NativeImage } from 'electron';
import { record } from './record';

class StandInNativeImage {
  constructor(
    readonly bitmap: Buffer,
    readonly width: number,
    readonly height: number,
    readonly scaleFactor = 1,
  ) {}

  getSize() {
    return { width: this.width, height: this.height };
  }

  toBitmap(): Buffer {
    return Buffer.from(this.bitmap);
  }

  getBitmap(): Buffer {
    return this.toBitmap();
  }

  isEmpty(): boolean {
    return this.width === 0 || this.height === 0;
  }

  getScaleFactors(): number[] {
    return [this.scaleFactor];
  }

  standInDescription(): string {
    return `[nativeImage ${this.width}x${this.height}]`;
  }
}

export function createEmptyImage(): NativeImage {
  return new StandInNativeImage(Buffer.alloc(0), 0, 0) as unknown as NativeImage;
}

export const nativeImage = {
  createFromBitmap(buffer: Buffer, options: { width: number; height: number; scaleFactor?: number }): NativeImage {
    record('nativeImage', 'createFromBitmap', buffer, options);
    return new StandInNativeImage(Buffer.from(buffer), options.width, options.height, options.scaleFactor ?? 1) as unknown as NativeImage;
  },
  createEmpty: createEmptyImage,
};
