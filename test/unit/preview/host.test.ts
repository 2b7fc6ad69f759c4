import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../node/csp';
import { DEFAULT_SETTINGS } from '../../../node/settings';
import { MAX_BODY_BYTES } from '../../../preview/host';
import { portFromArgv, startPreviewHost, type PreviewHost } from '../../../preview/server';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so that Host and Origin can be set as an attacker's browser would. */
function send(host: PreviewHost, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const call = (host: PreviewHost, method: string, args: unknown[], headers: Record<string, string> = {}) =>
  send(host, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ args }),
  });

let root: string;
let host: PreviewHost;
const logs: string[] = [];

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'tweestap-preview-'));
  mkdirSync(path.join(root, 'renderer'));
  writeFileSync(path.join(root, 'renderer', 'index.html'), '<!doctype html><title>Tweestap</title>');
  writeFileSync(path.join(root, 'outside.txt'), 'not served');
  // No DISPLAY: the in-memory clipboard, and no keychain call is made by these tests.
  host = await startPreviewHost({
    env: { TWEESTAP_HOME: path.join(root, 'home'), TWEESTAP_KEYCHAIN_SERVICE: 'tweestap-unit-preview' },
    rendererRoot: path.join(root, 'renderer'),
    log: (message) => logs.push(message),
  });
});
afterAll(async () => {
  await host.close();
  rmSync(root, { recursive: true, force: true });
});

describe('preview host', () => {
  it('gives a loopback URL with a long random token in the fragment', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token).toMatch(/^[0-9a-f]{64}$/);
    expect(host.clipboardKind).toBe('memory');
    expect(logs.join('\n')).toContain('in memory');
  });

  it('round-trips a real call through the shared dispatch and writes settings.json in TWEESTAP_HOME', async () => {
    const reply = await call(host, 'updateSettings', [{ theme: 'dark' }]);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, theme: 'dark' } });
    expect(JSON.parse((await call(host, 'getSettings', [])).body).value.theme).toBe('dark');
  });

  it('returns validation failures as ApiResult data', async () => {
    const reply = await call(host, 'codes', ['yesterday']);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { kind: 'input', key: 'main.input.invalid' } });
    expect(JSON.parse((await call(host, 'secretOf', ['x'])).body)).toMatchObject({ ok: false, error: { key: 'main.input.unknownMethod' } });
  });

  it('answers 401 without the token or with a wrong one', async () => {
    expect((await call(host, 'getSettings', [], { Authorization: '' })).status).toBe(401);
    expect((await call(host, 'getSettings', [], { Authorization: `Bearer ${'0'.repeat(64)}` })).status).toBe(401);
    expect((await call(host, 'getSettings', [], { Authorization: `Bearer ${host.token}x` })).status).toBe(401);
    expect((await send(host, { path: '/api/events' })).status).toBe(401);
  });

  it('refuses a foreign Origin and a foreign Host (DNS rebinding) even with the token', async () => {
    expect((await call(host, 'getSettings', [], { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await call(host, 'getSettings', [], { Origin: `http://127.0.0.1:${host.port + 1}` })).status).toBe(403);
    expect((await call(host, 'getSettings', [], { Host: `evil.example:${host.port}` })).status).toBe(403);
    expect((await send(host, { path: '/', headers: { Host: 'rebind.evil.example' } })).status).toBe(403);
    expect((await call(host, 'getSettings', [], { Origin: host.origin })).status).toBe(200);
    expect((await call(host, 'getSettings', [], { Host: `localhost:${host.port}` })).status).toBe(200);
  });

  it('refuses malformed bodies, oversized bodies and wrong verbs', async () => {
    const auth = { Authorization: `Bearer ${host.token}` };
    expect((await send(host, { method: 'POST', path: '/api/getSettings', headers: auth, body: '{"args": {}}' })).status).toBe(400);
    expect((await send(host, { method: 'POST', path: '/api/getSettings', headers: auth, body: 'not json' })).status).toBe(400);
    expect((await send(host, { method: 'POST', path: '/api/addFromUri', headers: auth, body: JSON.stringify({ args: ['x'.repeat(MAX_BODY_BYTES), 'ask'] }) })).status).toBe(413);
    // Below the body limit, the argument's own limit answers (a clear input error, not 413).
    const longUri = await send(host, { method: 'POST', path: '/api/addFromUri', headers: auth, body: JSON.stringify({ args: ['x'.repeat(70_000), 'ask'] }) });
    expect(longUri.status).toBe(200);
    expect(JSON.parse(longUri.body)).toMatchObject({ ok: false, error: { kind: 'input' } });
    expect((await send(host, { method: 'GET', path: '/api/getSettings', headers: auth })).status).toBe(405);
    expect((await send(host, { method: 'DELETE', path: '/', headers: auth })).status).toBe(405);
  });

  it('serves the renderer with the CSP header and nothing outside its folder', async () => {
    const page = await send(host, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Tweestap</title>');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect((await send(host, { path: '/../outside.txt' })).status).toBe(404);
    expect((await send(host, { path: '/%2e%2e/outside.txt' })).status).toBe(404);
    expect((await send(host, { path: '/missing.js' })).status).toBe(404);
  });

  it('pushes events as Server-Sent Events', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: host.port, path: `/api/events?token=${host.token}` }, (res) => {
        expect(res.headers['content-type']).toBe('text/event-stream');
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => {
          text += chunk;
          const data = /^data: (.*)$/m.exec(text)?.[1];
          if (data) {
            req.destroy();
            resolve(data);
          }
        });
        // Once the stream is open, change a setting: its event must arrive on this stream.
        void call(host, 'updateSettings', [{ showNextCode: false }]);
      });
      req.on('error', reject);
      req.end();
    });
    expect(JSON.parse(await received)).toMatchObject({ type: 'settings-changed', settings: { showNextCode: false } });
  });
});

describe('portFromArgv', () => {
  it('reads --port and refuses nonsense', () => {
    expect(portFromArgv([])).toBe(0);
    expect(portFromArgv(['--port', '8123'])).toBe(8123);
    expect(() => portFromArgv(['--port', '70000'])).toThrow();
    expect(() => portFromArgv(['--port', '12ab'])).toThrow();
    expect(() => portFromArgv(['--verbose'])).toThrow();
  });
});
