/**
 * Follows docs/api/desktop-capturer.md and structures/desktop-capturer-source.md (Electron 45):
 * `getSources({ types })` after 'ready'. Screens: one source per display of ./screen.ts, named
 * "Entire Screen" when there is one (as the doc names them), `display_id` the display's id, an
 * empty thumbnail. Windows: none (the stand-in does not list X windows; main asks for screens).
 */
import type { DesktopCapturer, DesktopCapturerSource, SourcesOptions } from 'electron';
import { createEmptyImage } from './native-image';
import { record } from './record';
import { screen } from './screen';

export const desktopCapturer = {
  async getSources(options: SourcesOptions): Promise<DesktopCapturerSource[]> {
    record('desktopCapturer', 'getSources', options);
    if (!options.types.includes('screen')) return [];
    const displays = screen.getAllDisplays();
    return displays.map((display, index) => ({
      id: `screen:${index}:0`,
      name: displays.length === 1 ? 'Entire Screen' : `Screen ${index + 1}`,
      display_id: String(display.id),
      thumbnail: createEmptyImage(),
      appIcon: null as unknown as DesktopCapturerSource['appIcon'],
    }));
  },
} satisfies DesktopCapturer;
