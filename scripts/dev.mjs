// `npm run dev`: the renderer from Vite's dev server (hot reload) inside the real Electron shell.
// Builds main and preload, starts the dev server, then Electron with TWEESTAP_DEV_SERVER_URL
// (electron/main.ts honours it only when the app is not packaged). Quitting Electron stops Vite.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'vite';

const run = (command, args) =>
  new Promise((resolve, reject) => {
    spawn(command, args, { stdio: 'inherit' }).on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });

await run(process.execPath, ['scripts/build-node.mjs', '--only', 'main', '--only', 'preload']);

const vite = await createServer({ configFile: 'vite.config.ts' });
await vite.listen();
const url = vite.resolvedUrls?.local[0];
if (!url) throw new Error('the Vite dev server did not report its URL');
console.log(`renderer dev server: ${url}`);

// The electron package's main export is the path of its binary.
const electronBinary = createRequire(import.meta.url)('electron');
const child = spawn(electronBinary, ['.'], { stdio: 'inherit', env: { ...process.env, TWEESTAP_DEV_SERVER_URL: url } });
const stop = async (code) => {
  await vite.close();
  process.exit(code ?? 0);
};
child.on('exit', (code) => void stop(code));
child.on('error', (error) => {
  console.error(`cannot start Electron: ${error.message}`);
  void stop(1);
});
process.on('SIGINT', () => child.kill('SIGINT'));
