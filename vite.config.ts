import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer: built to dist/renderer with relative asset paths, loaded by Electron from the
// app:// protocol and by the preview host over loopback.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    target: 'chrome130',
  },
  worker: { format: 'es' },
  server: { port: 5173, strictPort: true },
});
