/**
 * The browser preview host: serves the built renderer and the shared/api.ts contract over
 * loopback (preview/PROTOCOL.md) with the real services, so the renderer runs in an ordinary
 * browser for development and end-to-end tests. Never part of the packaged app.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiEvent } from '../shared/api';
import { translate } from '../shared/i18n';
import { systemClock, type Clock } from '../shared/ports';
import { openAccountService } from '../node/open-accounts';
import { MAX_IMPORT_BASE64_LENGTH } from '../shared/limits';
import { dataDir } from '../node/paths';
import { defaultRendererRoot, loadRendererFile } from '../node/renderer-files';
import { createApiService, type AccountsPort, type ApiService, type HostPort } from '../node/api-service';
import { AppLock } from '../node/app-lock';
import { ClipboardGuard } from '../node/clipboard-guard';
import { SettingsService } from '../node/settings';
import { systemClipboard, type ClipboardKind } from './system-clipboard';

/**
 * Largest request body accepted: room for the largest argument validation allows (an imported
 * file, base64) plus the JSON around it. Validation then checks each argument's own limit.
 */
export const MAX_BODY_BYTES = MAX_IMPORT_BASE64_LENGTH + 64 * 1024;
const KEEP_ALIVE_MS = 15_000;

export interface PreviewHostOptions {
  /** Port on 127.0.0.1; 0 or absent = a random free port. */
  port?: number;
  /** Environment for TWEESTAP_HOME, TWEESTAP_KEYCHAIN_SERVICE, DISPLAY and the locale. */
  env?: NodeJS.ProcessEnv;
  clock?: Clock;
  /** The built renderer; defaults to dist/renderer beside this bundle. */
  rendererRoot?: string;
  /** Opens the account service; defaults to the real vault and keychain named by `env`. */
  openAccounts?: () => Promise<AccountsPort>;
  /** Diagnostics (stderr by default); stdout carries only the URL line. */
  log?: (message: string) => void;
}

export interface PreviewHost {
  /** `http://127.0.0.1:<port>/#token=<token>`: what to open in the browser. */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  readonly clipboardKind: ClipboardKind;
  readonly service: ApiService;
  close(): Promise<void>;
}

/** Starts the preview host and resolves once it listens. */
export async function startPreviewHost(options: PreviewHostOptions = {}): Promise<PreviewHost> {
  const env = options.env ?? process.env;
  const clock = options.clock ?? systemClock;
  const log = options.log ?? ((message: string) => void process.stderr.write(`${message}\n`));
  const rendererRoot = options.rendererRoot ?? defaultRendererRoot(path.dirname(fileURLToPath(import.meta.url)));
  const dir = dataDir(env);
  // The vault watcher needs the folder to exist before the first account is added.
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const token = randomBytes(32).toString('hex');

  const { clipboard, kind: clipboardKind } = systemClipboard(env);
  if (clipboardKind === 'memory') log(translate('en', 'main.preview.clipboardInMemory'));
  const settings = await SettingsService.open(dir, log);
  const service = createApiService({
    openAccounts: options.openAccounts ?? (async () => openAccountService(env)),
    settings,
    clipboard: new ClipboardGuard(clipboard, clock),
    host: previewHostPort(env, log),
    dataDir: dir,
    clock,
    log,
    // Browser tests that fake the page's clock (years ahead) ask for codes at that time.
    anyCodeTime: env.TWEESTAP_PREVIEW_ANY_CODE_TIME === '1',
    // The same lock as the app (off unless turned on); the preview cannot tell idle time or a hidden tab, so it locks only on request.
    lock: await AppLock.open(dir, clock, log),
  });

  const server = createServer();
  const eventStreams = new Set<ServerResponse>();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  const gate = requestGate(port, token);

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    void route(request, response).catch((error: unknown) => {
      log(`preview host: request failed (${error instanceof Error ? error.name : typeof error})`);
      if (!response.headersSent) send(response, 500, 'internal error');
      else response.end();
    });
  });

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', origin);
    if (!gate.hostAllowed(request)) return send(response, 403, 'forbidden host or origin');
    if (url.pathname === '/api/events') {
      if (request.method !== 'GET') return send(response, 405, 'method not allowed');
      if (!gate.tokenMatches(url.searchParams.get('token'))) return send(response, 401, 'token required');
      return openEventStream(response);
    }
    if (url.pathname.startsWith('/api/')) {
      if (request.method !== 'POST') return send(response, 405, 'method not allowed');
      if (!gate.tokenMatches(bearerToken(request))) return send(response, 401, 'token required');
      return handleCall(url.pathname.slice('/api/'.length), request, response);
    }
    if (request.method !== 'GET') return send(response, 405, 'method not allowed');
    return serveRendererFile(url.pathname, response);
  }

  async function handleCall(method: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    if (body === 'too-large') return send(response, 413, 'request too large');
    const args = parseCallBody(body);
    if (args === null) return send(response, 400, 'body must be {"args": [...]}');
    const result = await service.dispatch(method, args);
    response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(JSON.stringify(result));
  }

  function openEventStream(response: ServerResponse): void {
    response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    response.write(': connected\n\n');
    const unsubscribe = service.onEvent((event: ApiEvent) => response.write(`data: ${JSON.stringify(event)}\n\n`));
    const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    eventStreams.add(response);
    response.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
      eventStreams.delete(response);
    });
  }

  async function serveRendererFile(pathname: string, response: ServerResponse): Promise<void> {
    const file = await loadRendererFile(rendererRoot, pathname);
    if (file === null) return send(response, 404, 'not found');
    response.writeHead(200, file.headers);
    response.end(file.body);
  }

  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    clipboardKind,
    service,
    async close() {
      service.close();
      for (const stream of eventStreams) stream.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The checks every request passes before anything else: Host/Origin (DNS rebinding) and token. */
export function requestGate(port: number, token: string) {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const origins = new Set([...hosts].map((host) => `http://${host}`));
  const expected = Buffer.from(token);
  return {
    /** A browser on a rebinding domain sends its own Host; a foreign page sends its Origin. */
    hostAllowed(request: IncomingMessage): boolean {
      const origin = request.headers.origin;
      return hosts.has(request.headers.host ?? '') && (origin === undefined || origins.has(origin));
    },
    tokenMatches(candidate: string | null | undefined): boolean {
      const given = Buffer.from(candidate ?? '');
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}

function bearerToken(request: IncomingMessage): string | null {
  return /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1] ?? null;
}

/** The `args` list of a call body, or null when the body is not `{ "args": [...] }`. */
export function parseCallBody(body: string): unknown[] | null {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const args = (parsed as { args?: unknown }).args;
    return Array.isArray(args) ? args : null;
  } catch {
    return null;
  }
}

function readBody(request: IncomingMessage): Promise<string | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Past the limit the rest is drained unread, so that the 413 reply still reaches the client.
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_BODY_BYTES ? 'too-large' : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(text);
}

/**
 * The folder the preview host saves backups in, without asking (there is no save dialog in a
 * browser tab it could trust): `TWEESTAP_PREVIEW_SAVE_DIR`, else `~/Downloads`, where the
 * browser's download went before. The window only hears the file's name, as in the app.
 */
function previewSaveDir(env: NodeJS.ProcessEnv): string {
  return env.TWEESTAP_PREVIEW_SAVE_DIR || path.join(homedir(), 'Downloads');
}

/** The HostPort of the preview: no window to hide, no login item; links are only logged. */
function previewHostPort(env: NodeJS.ProcessEnv, log: (message: string) => void): HostPort {
  return {
    previewHost: true,
    version: env.npm_package_version ?? '0.0.0-preview',
    platform: process.platform,
    osLocale: () => env.LC_ALL || env.LC_MESSAGES || env.LANG || Intl.DateTimeFormat().resolvedOptions().locale,
    openExternal: async (url) => log(`preview host: would open ${url}`),
    beginScreenCapture: async () => undefined,
    endScreenCapture: async () => undefined,
    beginCameraScan: async () => undefined,
    endCameraScan: async () => undefined,
    chooseBackupPath: async (suggestedName) => path.join(previewSaveDir(env), suggestedName),
    // A development tool: its browser window is the only place to ask, and the user just did.
    confirmLockOn: async () => true,
    applySettings: async () => undefined,
  };
}
