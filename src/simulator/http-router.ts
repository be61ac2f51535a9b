/**
 * A minimal JSON router on node:http: enough for a dozen routes with `:param`
 * segments, without pulling a web framework into the app's dependencies.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type z } from 'zod';
import { describeZodError } from '../shared/events';
import { SimulatorStateError } from './state';

export type HttpMethod = 'GET' | 'POST';

/** Thrown by handlers to answer `status { error: message }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export interface RouteContext {
  req: IncomingMessage;
  method: HttpMethod;
  url: URL;
  params: Record<string, string>;
  /** Parsed JSON body; `undefined` when the body is empty. */
  readBody(): Promise<unknown>;
}

export interface RouteResult {
  status: number;
  body?: unknown;
}

export type RouteHandler = (ctx: RouteContext) => RouteResult | Promise<RouteResult>;

interface Route {
  method: HttpMethod;
  segments: string[];
  handler: RouteHandler;
}

const MAX_BODY_BYTES = 1024 * 1024;

export class Router {
  private readonly routes: Route[] = [];

  constructor(private readonly log: (line: string) => void = () => {}) {}

  get(pattern: string, handler: RouteHandler): this {
    return this.add('GET', pattern, handler);
  }

  post(pattern: string, handler: RouteHandler): this {
    return this.add('POST', pattern, handler);
  }

  add(method: HttpMethod, pattern: string, handler: RouteHandler): this {
    this.routes.push({ method, segments: splitPath(pattern), handler });
    return this;
  }

  /** The `node:http` request listener. Never throws: every failure becomes a JSON answer. */
  readonly handle = (req: IncomingMessage, res: ServerResponse): void => {
    void this.dispatch(req, res).catch((error: unknown) => {
      this.log(`router failure: ${String(error)}`);
      if (!res.headersSent) sendJson(req, res, 500, { error: 'Internal simulator error' });
    });
  };

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') {
      // CORS preflight, so a browser-hosted build of the app can call the simulator too.
      res.writeHead(204, corsHeaders(req));
      res.end();
      return;
    }
    let result: RouteResult;
    try {
      result = await this.route(req, method, url);
    } catch (error) {
      result = errorResult(error);
    }
    this.log(`${method} ${url.pathname} → ${result.status}`);
    sendJson(req, res, result.status, result.body);
  }

  private async route(req: IncomingMessage, method: string, url: URL): Promise<RouteResult> {
    const path = splitPath(url.pathname);
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, path);
      if (!params) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      let bodyPromise: Promise<unknown> | undefined;
      return route.handler({
        req,
        method: route.method,
        url,
        params,
        readBody: () => (bodyPromise ??= readJsonBody(req)),
      });
    }
    if (pathMatched) throw new HttpError(405, `Method ${method} not allowed on ${url.pathname}`);
    throw new HttpError(404, `No route for ${method} ${url.pathname}`);
  }
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function matchSegments(pattern: string[], path: string[]): Record<string, string> | undefined {
  if (pattern.length !== path.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i += 1) {
    const expected = pattern[i] ?? '';
    const actual = path[i] ?? '';
    if (expected.startsWith(':')) {
      try {
        params[expected.slice(1)] = decodeURIComponent(actual);
      } catch {
        return undefined;
      }
    } else if (expected !== actual) {
      return undefined;
    }
  }
  return params;
}

function errorResult(error: unknown): RouteResult {
  if (error instanceof HttpError) return { status: error.status, body: { error: error.message } };
  if (error instanceof SimulatorStateError) {
    const status = { not_found: 404, invalid: 400, conflict: 409 }[error.kind];
    return { status, body: { error: error.message } };
  }
  throw error;
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'Body too large');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'Body is not valid JSON');
  }
}

/** Validates with a zod schema, answering 400 with a readable reason on failure. */
export function parseOr400<T>(schema: z.ZodType<T>, value: unknown, what = 'body'): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new HttpError(400, `Invalid ${what}: ${describeZodError(result.error)}`);
  return result.data;
}

function corsHeaders(req: IncomingMessage): Record<string, string> {
  return {
    'access-control-allow-origin': req.headers.origin ?? '*',
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': 'Authorization, Content-Type',
    'access-control-max-age': '600',
    vary: 'Origin',
  };
}

function sendJson(req: IncomingMessage, res: ServerResponse, status: number, body: unknown): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...corsHeaders(req),
    ...(text !== '' ? { 'content-type': 'application/json; charset=utf-8' } : {}),
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
