import { defineConfig } from 'vitest/config';

// One project per kind of test: `unit` needs nothing, `keychain` needs a Secret Service
// (test/keychain/with-keyring.sh starts one), `e2e` needs that, Chromium and a built app,
// `packaging` needs a built app (dist/) and runs electron-builder.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'], environment: 'node' } },
      {
        test: {
          name: 'keychain',
          include: ['test/keychain/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 60_000,
        },
      },
      {
        // Security proofs (test/security): fuzzing, IPC properties, keychain and vault faults; needs
        // a Secret Service (with-keyring.sh) and the built CLI (dist/cli).
        test: {
          name: 'security',
          include: ['test/security/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
      {
        // `npm run bench:scan`: a timing run through the e2e harness (prints figures, not a test suite).
        test: {
          name: 'bench-scan',
          include: ['test/bench/**/*.e2e-bench.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 600_000,
          hookTimeout: 90_000,
        },
      },
      {
        // The real built main.cjs and preload.cjs on the Electron stand-in (test/shell/stand-in), or on
        // the real Electron with TWEESTAP_ELECTRON=real; needs a build, with-keyring.sh and with-display.sh.
        test: {
          name: 'shell',
          include: ['test/shell/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          globalSetup: ['test/shell/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'packaging',
          include: ['test/packaging/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
