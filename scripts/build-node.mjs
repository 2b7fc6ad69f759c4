// Bundles the Node-side entry points with esbuild (the renderer is built by Vite).
//   node scripts/build-node.mjs [--only main|preload|cli|preview] [--quiet]
// Dependencies stay external (resolved from node_modules at run time), except in the preload:
// a sandboxed preload can require nothing but 'electron', so it is bundled whole.
import { build } from 'esbuild';
import { parseArgs } from 'node:util';

const TARGETS = {
  // keychain-worker: the utility process main forks to run keytar (electron/keychain-transport.ts).
  main: {
    entryPoints: { main: 'electron/main.ts', 'keychain-worker': 'node/keychain/worker.ts' },
    outdir: 'dist/electron',
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    packages: 'external',
  },
  preload: { entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', external: ['electron'] },
  // Split into chunks so that each command loads only its own dependencies (a fast `code --uri`).
  // keychain-worker: the Node child process that runs keytar for the CLI (node/keychain/node-transport.ts).
  cli: {
    entryPoints: { tweestap: 'cli/tweestap.ts', 'keychain-worker': 'node/keychain/worker.ts' },
    outdir: 'dist/cli',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    format: 'esm',
    packages: 'external',
  },
  preview: { entryPoints: ['preview/server.ts'], outfile: 'dist/preview/server.mjs', format: 'esm', packages: 'external' },
};

const { values } = parseArgs({ options: { only: { type: 'string', multiple: true }, quiet: { type: 'boolean' } } });
const names = values.only ?? Object.keys(TARGETS);

await Promise.all(
  names.map((name) => {
    const target = TARGETS[name];
    if (!target) throw new Error(`unknown target ${name}; known: ${Object.keys(TARGETS).join(', ')}`);
    return build({ ...target, bundle: true, platform: 'node', target: 'node20', sourcemap: false, logLevel: values.quiet ? 'error' : 'info' });
  }),
);
