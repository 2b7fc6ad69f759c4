import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../node/csp';
import { contentTypeFor, loadRendererFile, resolveRendererFile } from '../../../node/renderer-files';

const root = '/srv/renderer';

describe('resolveRendererFile', () => {
  it('maps paths inside the renderer folder, / to index.html', () => {
    expect(resolveRendererFile(root, '/')).toBe('/srv/renderer/index.html');
    expect(resolveRendererFile(root, '/assets/index-abc.js')).toBe('/srv/renderer/assets/index-abc.js');
    expect(resolveRendererFile(root, '/assets/')).toBe('/srv/renderer/assets/index.html');
    expect(resolveRendererFile(root, '/a%20b.css')).toBe('/srv/renderer/a b.css');
  });

  it.each(['/../secret', '/assets/../../etc/passwd', '/%2e%2e/etc/passwd', '/%2E%2E%2Fetc%2Fpasswd', '/..%5c..%5cwindows', '/a%00.js', '/%E0%A4%A'])('refuses %s', (pathname) => {
    expect(resolveRendererFile(root, pathname)).toBeNull();
  });
});

describe('loadRendererFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tweestap-renderer-'));
    await mkdir(path.join(dir, 'renderer', 'assets'), { recursive: true });
    await writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html>');
    await writeFile(path.join(dir, 'secret.txt'), 'outside');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('serves a file with its type and the CSP header', async () => {
    const file = await loadRendererFile(path.join(dir, 'renderer'), '/');
    expect(file?.body.toString()).toBe('<!doctype html>');
    expect(file?.headers).toMatchObject({ 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'Content-Type': 'text/html; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  });

  it('gives null for folders, missing files and files outside the folder', async () => {
    const rendererRoot = path.join(dir, 'renderer');
    expect(await loadRendererFile(rendererRoot, '/assets')).toBeNull();
    expect(await loadRendererFile(rendererRoot, '/missing.js')).toBeNull();
    expect(await loadRendererFile(rendererRoot, '/../secret.txt')).toBeNull();
  });

  it('sends WebAssembly as application/wasm', () => {
    expect(contentTypeFor('/x/zxing_reader.wasm')).toBe('application/wasm');
  });
});
