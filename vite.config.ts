import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const ERROR_TEXT = fileURLToPath(new URL('./shared/i18n/error-text.ts', import.meta.url));

/**
 * Builds the window and the QR worker with shared/i18n/error-text.window.ts in place of
 * error-text.ts: their errors are translated by key where they are shown, so TweestapError's
 * English `message` would only pull every message (main's and the CLI's too) into the renderer.
 */
function windowErrorText(): Plugin {
  return {
    name: 'tweestap-window-error-text',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!source.endsWith('error-text')) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      return resolved?.id === ERROR_TEXT ? ERROR_TEXT.replace(/\.ts$/, '.window.ts') : null;
    },
  };
}

// The renderer: built to dist/renderer with relative asset paths, loaded by Electron from the
// app:// protocol and by the preview host over loopback.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [windowErrorText(), react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    target: 'chrome130',
  },
  worker: { format: 'es', plugins: () => [windowErrorText()] },
  server: { port: 5173, strictPort: true },
});
