// `ingot sample-api`: a small local HTTP API serving the ShopFlow `order_events` feed, so a user
// sees API ingest work offline. GET /api/order_events with a bearer token, `limit` (1–1000,
// default 100), `updated_since` (ISO 8601, inclusive) and an opaque `cursor`; the answer is
// { data: [...], meta: { next_cursor, count } }. The dev token comes from SHOPFLOW_API_TOKEN.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { feedAt, type OrderEvent } from './order-events.js';

/** The environment variable holding the API's bearer token (the sample source names it too). */
export const TOKEN_VARIABLE = 'SHOPFLOW_API_TOKEN';
/** The documented development token, used when SHOPFLOW_API_TOKEN is not set. */
export const DEV_TOKEN = 'shopflow-dev-token';
export const EVENTS_PATH = '/api/order_events';

export interface SampleApiOptions {
  port?: number;
  host?: string;
  /** Orders placed so far (the feed's clock); default 1000. */
  orders?: number;
  /** The bearer token to accept; default $SHOPFLOW_API_TOKEN or the dev token. */
  token?: string;
}

export interface SampleApi {
  url: string;
  port: number;
  events: number;
  close(): Promise<void>;
}

const encodeCursor = (position: number): string => Buffer.from(JSON.stringify({ p: position })).toString('base64url');

function decodeCursor(text: string): number | undefined {
  try {
    const p = (JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as { p?: unknown }).p;
    return typeof p === 'number' && Number.isInteger(p) && p >= 0 ? p : undefined;
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

function answer(req: IncomingMessage, res: ServerResponse, feed: readonly OrderEvent[], token: string): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname !== EVENTS_PATH) return send(res, 404, { error: 'not_found', message: `Try GET ${EVENTS_PATH}` });
  if (req.method !== 'GET') return send(res, 405, { error: 'method_not_allowed' });
  if (req.headers.authorization !== `Bearer ${token}`) {
    return send(res, 401, { error: 'unauthorized', message: `Send Authorization: Bearer <token> (the token is in ${TOKEN_VARIABLE})` }, { 'www-authenticate': 'Bearer' });
  }
  const limitText = url.searchParams.get('limit') ?? '100';
  const limit = Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) return send(res, 400, { error: 'bad_limit', message: 'limit must be 1–1000' });
  const since = url.searchParams.get('updated_since');
  const sinceMs = since === null || since === '' ? Number.NEGATIVE_INFINITY : Date.parse(since);
  if (Number.isNaN(sinceMs)) return send(res, 400, { error: 'bad_updated_since', message: 'updated_since must be an ISO 8601 timestamp' });
  const cursorText = url.searchParams.get('cursor');
  const cursor = cursorText === null ? undefined : decodeCursor(cursorText);
  if (cursorText !== null && cursor === undefined) return send(res, 400, { error: 'bad_cursor' });
  // Positions are absolute in the feed, so events that arrive meanwhile never shift a page.
  let start = cursor ?? feed.findIndex((e) => Date.parse(e.updated_at) >= sinceMs);
  if (start < 0) start = feed.length;
  const data = feed.slice(start, start + limit);
  const end = start + data.length;
  send(res, 200, { data, meta: { count: data.length, next_cursor: end < feed.length ? encodeCursor(end) : null } });
}

/** Starts the sample API; resolves once it listens. */
export async function startSampleApi(options: SampleApiOptions = {}): Promise<SampleApi> {
  const token = options.token ?? process.env[TOKEN_VARIABLE] ?? DEV_TOKEN;
  const feed = feedAt(options.orders ?? 1000);
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => answer(req, res, feed, token));
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const host = options.host ?? '127.0.0.1';
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, host, () => resolve((server.address() as { port: number }).port));
  });
  return {
    url: `http://${host}:${port}${EVENTS_PATH}`,
    port,
    events: feed.length,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}
