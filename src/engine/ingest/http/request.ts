// One HTTP exchange over node:http/https with the limits an unattended load needs: a connect
// timeout, a read timeout (silence while waiting for headers or body), a maximum body size,
// gzip/deflate/br decoding and cancellation. The body is collected for one page only.
import { request as httpRequest, type Agent as HttpAgent, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest, type Agent as HttpsAgent } from 'node:https';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { IngotError } from '../../../shared/errors.js';
import { TransportError, transportError } from './transport-error.js';

export interface HttpRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
}

export interface HttpResponse {
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  /** The decoded body. */
  body: Buffer;
  /** Bytes on the wire (before decoding). */
  wireBytes: number;
}

export interface RequestLimits {
  connectMs: number;
  readMs: number;
  maxBytes: number;
  /** The URL as messages may show it (without secrets). */
  display: string;
  agents?: { http: HttpAgent; https: HttpsAgent };
  signal?: AbortSignal;
}

function decoded(res: IncomingMessage): Readable {
  const encoding = String(res.headers['content-encoding'] ?? '').toLowerCase().trim();
  if (encoding === 'gzip' || encoding === 'x-gzip') return res.pipe(createGunzip());
  if (encoding === 'deflate') return res.pipe(createInflate());
  if (encoding === 'br') return res.pipe(createBrotliDecompress());
  return res;
}

/** Sends `req`; resolves with the whole (decoded) response whatever its status. */
export function sendRequest(req: HttpRequest, limits: RequestLimits): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    if (limits.signal?.aborted) return reject(new IngotError('CANCELLED', 'The load was cancelled; nothing it did was kept.'));
    const https = req.url.protocol === 'https:';
    const send = https ? httpsRequest : httpRequest;
    const agent = limits.agents ? (https ? limits.agents.https : limits.agents.http) : undefined;
    let settled = false;
    let connectTimer: NodeJS.Timeout | undefined;
    const finish = (err: unknown, value?: HttpResponse): void => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      limits.signal?.removeEventListener('abort', onAbort);
      if (err) reject(err);
      else resolve(value as HttpResponse);
    };
    const onAbort = (): void => {
      finish(new IngotError('CANCELLED', 'The load was cancelled; nothing it did was kept.'));
      r.destroy();
    };
    const r = send(req.url, { method: req.method, headers: req.headers, ...(agent ? { agent } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let wire = 0;
      res.on('data', (c: Buffer) => (wire += c.length));
      const body = decoded(res);
      const fail = (err: unknown): void => {
        const expected = Number(res.headers['content-length']);
        if (err instanceof TransportError) finish(err);
        else {
          finish(
            new TransportError('truncated', `the response from ${limits.display} broke off after ${wire} bytes${Number.isFinite(expected) ? ` of ${expected}` : ''}`, 'ECONNRESET', wire, Number.isFinite(expected) ? expected : undefined),
          );
        }
        r.destroy();
      };
      body.on('data', (c: Buffer) => {
        size += c.length;
        if (size > limits.maxBytes) {
          fail(new TransportError('too_large', `the response from ${limits.display} is larger than max_page_bytes (${limits.maxBytes} bytes)`));
          return;
        }
        chunks.push(c);
      });
      body.on('error', fail);
      res.on('aborted', () => fail(new Error('aborted')));
      body.on('end', () => {
        if (!res.complete) return fail(new Error('incomplete'));
        finish(undefined, { status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers: res.headers, body: Buffer.concat(chunks), wireBytes: wire });
      });
    });
    r.on('socket', (socket) => {
      if (!socket.connecting) return;
      connectTimer = setTimeout(() => r.destroy(new TransportError('connect_timeout', `no connection to ${limits.display} within ${limits.connectMs} ms`)), limits.connectMs);
      socket.once('connect', () => clearTimeout(connectTimer));
    });
    r.setTimeout(limits.readMs, () => r.destroy(new TransportError('read_timeout', `${limits.display} sent nothing for ${limits.readMs} ms`)));
    r.on('error', (err) => finish(transportError(err, limits.display)));
    limits.signal?.addEventListener('abort', onAbort, { once: true });
    r.end(req.body);
  });
}
