import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { catalogueFile } from './renderer/i18n/catalogue-file';
import { LOCALES } from './shared/i18n/locale';
import * as windowMessages from './shared/i18n/window';

/** The id of a module of this repository, for `swapModule`. */
const moduleId = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/** A plugin that resolves every import of the module `original` to `replacement` instead. */
function swapModule(name: string, original: string, replacement: string): Plugin {
  const stem = original.replace(/^.*\/|\.ts$/g, '');
  return {
    name,
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!source.endsWith(`/${stem}`)) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      return resolved?.id === original ? replacement : null;
    },
  };
}

/**
 * Builds the window and the QR worker with shared/i18n/error-text.window.ts in place of
 * error-text.ts: their errors are translated by key where they are shown, so TweestapError's
 * English `message` would only pull every message (main's and the CLI's too) into the renderer.
 */
const windowErrorText = () => swapModule('tweestap-window-error-text', moduleId('./shared/i18n/error-text.ts'), moduleId('./shared/i18n/error-text.window.ts'));

/**
 * Takes the window's messages out of its JavaScript: writes each locale's catalogue to
 * assets/messages.<locale>.json and builds renderer/i18n/catalogue.built.ts, which fetches it, in
 * place of catalogue.ts, which imports the messages. Build only: the dev server keeps the import.
 */
function windowMessagesAsData(): Plugin {
  return {
    ...swapModule('tweestap-window-messages-as-data', moduleId('./renderer/i18n/catalogue.ts'), moduleId('./renderer/i18n/catalogue.built.ts')),
    apply: 'build',
    generateBundle() {
      for (const locale of LOCALES) this.emitFile({ type: 'asset', fileName: catalogueFile(locale), source: JSON.stringify(windowMessages[locale]) });
    },
  };
}

// The renderer: built to dist/renderer with relative asset paths, loaded by Electron from the
// app:// protocol and by the preview host over loopback.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [windowErrorText(), windowMessagesAsData(), react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    target: 'chrome130',
  },
  worker: { format: 'es', plugins: () => [windowErrorText()] },
  server: { port: 5173, strictPort: true },
});
