/**
 * Scan from screen: hide our window, grab one full-resolution frame of each screen through
 * getDisplayMedia (main's display-media handler gives each screen in turn; Chromium under Xvfb
 * gives its one screen), stop the tracks at once, show the window again, then decode. No frame is
 * written anywhere; the pixels live only until the worker has read them.
 */
import type { RgbaImage } from '../../../shared/qr/types';
import { api } from '../../api-client';
import { scanImageData } from '../../qr/client';
import { isNewScreen } from './frame-gate';
import { firstFrame, stopStream, videoPixels } from './media';

/** More screens than anyone has: a guard against a handler that never repeats itself. */
const MAX_SCREENS = 8;
/** Time for the window manager to take our hidden window off the screen before the grab. */
const HIDE_SETTLE_MS = 300;

/**
 * The screen's own pixels. Without a maximum Chromium captures at most the size of the screen our
 * window is on (as the page sees it), so a QR code on a larger second screen, or any screen while
 * the window's screen is reported small, arrives scaled down and too coarse to decode. The large
 * maximum only lifts that cap: 'none' never scales a frame up.
 */
const SCREEN_CONSTRAINTS = {
  video: { resizeMode: 'none', width: { max: 8192 }, height: { max: 8192 } } as MediaTrackConstraints,
  audio: false,
};

async function grabOneFrame(stream: MediaStream): Promise<RgbaImage | null> {
  const video = document.createElement('video');
  video.muted = true;
  video.srcObject = stream;
  try {
    await firstFrame(video);
    return videoPixels(video);
  } finally {
    video.srcObject = null;
  }
}

/** One frame of every screen; the first refusal before any frame is thrown (a DOMException). */
async function grabScreens(): Promise<RgbaImage[]> {
  const frames: RgbaImage[] = [];
  const seen = new Set<string>();
  while (frames.length < MAX_SCREENS) {
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getDisplayMedia(SCREEN_CONSTRAINTS);
    } catch (error) {
      if (frames.length === 0) throw error;
      break; // Main ran out of screens for this scan.
    }
    try {
      if (!isNewScreen(seen, stream.getVideoTracks()[0]?.getSettings().deviceId)) break;
      const frame = await grabOneFrame(stream);
      if (frame) frames.push(frame);
    } finally {
      stopStream(stream);
    }
  }
  return frames;
}

/**
 * Every QR text on every screen. `settle`: wait after hiding the window (Electron); the preview
 * host has no window to hide. Throws the browser's error when the capture is refused.
 */
export async function scanScreens(settle: boolean): Promise<string[]> {
  await api.beginScreenCapture();
  let frames: RgbaImage[];
  try {
    if (settle) await new Promise((resolve) => setTimeout(resolve, HIDE_SETTLE_MS));
    frames = await grabScreens();
  } finally {
    await api.endScreenCapture();
  }
  const texts: string[] = [];
  // One at a time: each screen's buffer is handed to the worker and gone from here.
  for (const frame of frames.splice(0)) texts.push(...(await scanImageData(frame)));
  return texts;
}
