/**
 * Follows docs/api/protocol.md (Electron 45): `registerSchemesAsPrivileged` (before 'ready' only,
 * recorded) and `handle(scheme, handler)`, where handler gets a web `Request` and returns a
 * `Response` (or a Promise of one).
 *
 * Mapping (Chromium cannot load an unknown scheme): a loopback HTTP server serves
 * `<scheme>://<host>/<path>` at `http://<host>.<scheme>.localhost:<port>/<path>` (Chromium resolves
 * *.localhost to loopback itself and treats it as a secure context, as a privileged `secure`
 * scheme is). Each request is handed to main's own handler with a Request whose url is the
 * app:// URL; the status, headers (CSP included) and body of main's Response go back unchanged.
 * toAppUrl() maps a page's URL back, so frames report their app:// URL to main.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Protocol } from 'electron';
import { record } from './record';

type Handler = (request: Request) => Response | Promise<Response>;

const handlers = new Map<string, Handler>();
const privileged = new Set<string>();
let server: Server | null = null;
let port = 0;
let appReady = false;

/** Called by the app part at 'ready'. */
export async function startProtocolServer(): Promise<void> {
  appReady = true;
  server = createServer((request, response) => void serve(request, response));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
}

export async function stopProtocolServer(): Promise<void> {
  const running = server;
  server = null;
  if (running) await new Promise((resolve) => running.close(resolve));
}

const MAPPED_HOST = /^(?<host>[a-z0-9-]+)\.(?<scheme>[a-z][a-z0-9+.-]*)\.localhost$/i;

/** The URL Chromium loads for `url`: handled schemes go to the loopback server. */
export function toChromiumUrl(url: string): string {
  const parsed = new URL(url);
  const scheme = parsed.protocol.slice(0, -1);
  if (!handlers.has(scheme)) return url;
  return `http://${parsed.hostname}.${scheme}.localhost:${port}${parsed.pathname}${parsed.search}${parsed.hash}`;
}

/** The URL main sees for a page URL (the inverse of toChromiumUrl; other URLs unchanged). */
export function toAppUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const match = MAPPED_HOST.exec(parsed.hostname);
  if (parsed.protocol !== 'http:' || Number(parsed.port) !== port || !match?.groups) return url;
  return `${match.groups.scheme}://${match.groups.host}${parsed.pathname}${parsed.search}${parsed.hash}`;
}

async function serve(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
  const match = MAPPED_HOST.exec((incoming.headers.host ?? '').replace(/:\d+$/, ''));
  const handler = match?.groups ? handlers.get(match.groups.scheme!) : undefined;
  if (!match?.groups || !handler) {
    outgoing.writeHead(404).end();
    return;
  }
  const url = `${match.groups.scheme}://${match.groups.host}${incoming.url ?? '/'}`;
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === 'string' && name !== 'host') headers.set(name, value);
  try {
    const response = await handler(new Request(url, { method: incoming.method, headers }));
    const body = Buffer.from(await response.arrayBuffer());
    outgoing.writeHead(response.status, Object.fromEntries(response.headers.entries()));
    outgoing.end(body);
  } catch (error) {
    // Electron fails the request (net::ERR_FAILED) when the handler throws.
    console.error(`[electron stand-in] protocol handler for ${match.groups.scheme}: failed: ${error instanceof Error ? error.message : String(error)}`);
    outgoing.writeHead(500).end();
  }
}

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    // protocol.md: "can only be used before the ready event"; recorded with when it came.
    record('protocol', 'registerSchemesAsPrivileged', schemes, { beforeReady: !appReady });
    for (const { scheme } of schemes) privileged.add(scheme);
  },
  handle(scheme, handler) {
    record('protocol', 'handle', scheme);
    if (handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    handlers.set(scheme, handler as Handler);
  },
  unhandle(scheme) {
    record('protocol', 'unhandle', scheme);
    handlers.delete(scheme);
  },
  isProtocolHandled: (scheme) => handlers.has(scheme),
} satisfies Partial<Protocol> as unknown as Protocol;
