/**
 * Maps a request path to a file of the built renderer (dist/renderer) for both hosts, refusing
 * anything that would leave that folder (`..`, encoded `%2e%2e`, backslashes, NUL bytes).
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { RENDERER_SECURITY_HEADERS } from './csp';

/** The built renderer next to the bundled main/preview script (dist/electron or dist/preview). */
export function defaultRendererRoot(bundleDir: string): string {
  return path.resolve(bundleDir, '..', 'renderer');
}

/**
 * The absolute file for URL path `pathname` (still percent-encoded) under `root`, or null when
 * the path is malformed or escapes `root`. `/` and folder paths give `index.html`.
 */
export function resolveRendererFile(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.some((segment) => segment === '..')) return null;
  const base = path.resolve(root);
  const file = path.join(base, ...segments);
  if (file !== base && !file.startsWith(base + path.sep)) return null;
  return segments.length === 0 || decoded.endsWith('/') ? path.join(file, 'index.html') : file;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type for a renderer file (WebAssembly must be `application/wasm` to stream-compile). */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** A renderer file ready to send: its bytes and every header both hosts send with it. */
export interface RendererFile {
  body: Buffer;
  headers: Record<string, string>;
}

/**
 * Reads the renderer file for `pathname` under `root` with its Content-Type and the security
 * headers (CSP and friends), or null when there is no such file or the path is refused.
 */
export async function loadRendererFile(root: string, pathname: string): Promise<RendererFile | null> {
  const file = resolveRendererFile(root, pathname);
  if (file === null) return null;
  try {
    if (!(await stat(file)).isFile()) return null;
    const body = await readFile(file);
    return { body, headers: { ...RENDERER_SECURITY_HEADERS, 'Content-Type': contentTypeFor(file), 'Cache-Control': 'no-store' } };
  } catch {
    return null;
  }
}
