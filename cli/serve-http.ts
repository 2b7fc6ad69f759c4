/**
 * The request handling of `tweestap serve`: a loopback-only, read-only HTTP endpoint for test
 * suites in any language. One route, GET /v1/codes, answering what `code --json` prints.
 *
 * Guards, in this order: Host and Origin must name the loopback address served (403: a web page
 * that rebinds its DNS name to 127.0.0.1 still sends its own name), then the bearer token (401),
 * then the route (404/405). Errors are `{ "error": { "kind", "message" } }`.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TweestapError } from '../shared/errors';
import { codeRows, type CodeHost, type CodeRequest } from './code-request';
import { redactedMessage } from './redact';

/** Query parameters of GET /v1/codes and the request field each fills. */
const PARAMETERS = { query: 'query', fresh: 'fresh', minValid: 'minValid', maxWait: 'maxWait', at: 'at', offset: 'offset', window: 'window' } as const;

export interface ServeOptions {
  /** `127.0.0.1:<port>`: the only Host accepted. */
  host: string;
  token: string;
}

type ErrorBody = { status: number; kind: string; message: string };

/** The handler for node:http; never throws. */
export function codesHandler(host: CodeHost, options: ServeOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const expected = Buffer.from(`Bearer ${options.token}`);
  const origin = `http://${options.host}`;
  const fail = (status: number, kind: string, error: TweestapError): ErrorBody => ({ status, kind, message: redactedMessage(error, host.t) });

  const answer = async (req: IncomingMessage): Promise<{ status: number; body: unknown }> => {
    if (req.headers.host !== options.host || (req.headers.origin !== undefined && req.headers.origin !== origin)) {
      return errorBody(fail(403, 'forbidden', new TweestapError('input', 'cli.serve.forbiddenHost', { host: options.host })));
    }
    const given = Buffer.from(req.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return errorBody(fail(401, 'unauthorized', new TweestapError('input', 'cli.serve.unauthorized')));
    }
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname !== '/v1/codes') return errorBody(fail(404, 'not-found', new TweestapError('not-found', 'cli.serve.noRoute')));
    if (req.method !== 'GET') return errorBody(fail(405, 'method', new TweestapError('input', 'cli.serve.onlyGet')));
    try {
      return { status: 200, body: await codeRows(host, requestOf(url.searchParams)) };
    } catch (error) {
      return errorBody(errorOf(error, fail));
    }
  };

  return (req, res) => {
    void answer(req).then(({ status, body }) => {
      const text = JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...(status === 405 ? { allow: 'GET' } : {}) });
      res.end(text);
    });
    // A client that sends a body gets it ignored, not buffered without end.
    req.resume();
  };
}

/** The code request of a query string; unknown or repeated parameters are refused. */
function requestOf(params: URLSearchParams): CodeRequest {
  const request: CodeRequest = {};
  const seen = new Set<string>();
  for (const [name, value] of params) {
    if (!Object.hasOwn(PARAMETERS, name) || seen.has(name)) throw new TweestapError('input', 'cli.serve.badParameter', { name: name.slice(0, 40) });
    seen.add(name);
    const field = PARAMETERS[name as keyof typeof PARAMETERS];
    if (field === 'fresh') request.fresh = value === '1' || value === 'true';
    else request[field] = value;
  }
  return request;
}

/** The HTTP status and kind of a failure: bad input 400, no match 404, too long a wait 409, the rest 500. */
function errorOf(error: unknown, fail: (status: number, kind: string, error: TweestapError) => ErrorBody): ErrorBody {
  if (!(error instanceof TweestapError)) {
    return fail(500, 'internal', new TweestapError('internal', 'cli.internal', { name: error instanceof Error ? error.name : typeof error }));
  }
  if (error.key === 'cli.code.waitTooLong') return fail(409, 'conflict', error);
  if (error.kind === 'input') return fail(400, error.kind, error);
  if (error.kind === 'not-found') return fail(404, error.kind, error);
  return fail(500, error.kind, error);
}

function errorBody({ status, kind, message }: ErrorBody): { status: number; body: unknown } {
  return { status, body: { error: { kind, message } } };
}
