/**
 * Small helpers over the browser's media objects shared by the screen and webcam scans: one video
 * frame into RGBA pixels (in memory only, never written anywhere) and stopping every track.
 */
import type { RgbaImage } from '../../../shared/qr/types';

/** Stops every track of `stream` (the camera light or the screen-share indicator goes off). */
export function stopStream(stream: MediaStream | null | undefined): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

/** The current frame of a playing `<video>` at its full resolution, as RGBA pixels. */
export function videoPixels(video: HTMLVideoElement, canvas: HTMLCanvasElement | OffscreenCanvas = new OffscreenCanvas(1, 1)): RgbaImage | null {
  const width = video.videoWidth;
  const height = video.videoHeight;
  if (width === 0 || height === 0) return null;
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
  if (!context) return null;
  context.drawImage(video, 0, 0, width, height);
  const { data } = context.getImageData(0, 0, width, height);
  return { width, height, data };
}

/** Resolves once `video` has a frame to show (its first frame decoded). */
export function firstFrame(video: HTMLVideoElement): Promise<void> {
  return new Promise((resolve, reject) => {
    const ready = () => {
      if (video.videoWidth > 0) resolve();
    };
    video.addEventListener('loadeddata', ready, { once: true });
    video.addEventListener('error', () => reject(new Error('video failed')), { once: true });
    void video.play().then(ready, reject);
  });
}
