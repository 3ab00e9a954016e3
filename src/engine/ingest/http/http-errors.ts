// The errors an HTTP load ends with, each saying what failed, at which URL, and what to do:
// refused credentials name the secret to check (never its value), exhausted retries say how
// often Ingot tried, and transport failures say whether it was DNS, TLS, a timeout or a cut body.
import { IngotError } from '../../../shared/errors.js';
import type { HttpResponse } from './request.js';
import type { TransportError } from './transport-error.js';

export interface ErrorContext {
  /** The source file, for messages. */
  file: string;
  /** The URL as it may be shown (no secrets). */
  url: string;
  /** Secret names the source's auth uses, and where each is looked up. */
  secrets: { name: string; where: string }[];
}

/** The first characters of a body, for messages. */
export function excerpt(body: Buffer, max = 300): string {
  const text = body.subarray(0, max * 4).toString('utf8').replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** A response whose status means the load cannot go on. */
export function statusError(res: HttpResponse, ctx: ErrorContext, attempts = 1): IngotError {
  const status = `${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
  const detail = { file: ctx.file, url: ctx.url, status: res.status };
  const body = excerpt(res.body);
  const said = body ? ` The API said: ${body}` : '';
  if (res.status === 401 || res.status === 403) {
    const check = ctx.secrets.map((s) => `${s.name} (${s.where})`).join(' and ');
    return new IngotError('HTTP_ERROR', `The API refused the credentials for ${ctx.url}: ${status}.${said}`, {
      hint:
        ctx.secrets.length > 0
          ? `Check the secret ${check}: it may be wrong, expired or lack permission${res.status === 403 ? ' for this endpoint' : ''}.`
          : `The source has no \`auth:\`; add one in ${ctx.file} naming the secret that holds the credentials (e.g. \`auth: { type: bearer, token_secret: API_TOKEN }\`).`,
      detail: { ...detail, secrets: ctx.secrets.map((s) => s.name) },
    });
  }
  if (res.status === 404) {
    return new IngotError('HTTP_ERROR', `The API has nothing at ${ctx.url}: ${status}.${said}`, { hint: `Check \`url\` (and the params) in ${ctx.file}.`, detail });
  }
  if (res.status === 429 || res.status >= 500 || res.status === 408) {
    return new IngotError('HTTP_ERROR', `${ctx.url} answered ${status} ${attempts} time${attempts === 1 ? '' : 's'}; Ingot gave up.${said}`, {
      hint: 'The API is overloaded or failing. Try again later, or raise retry.attempts / lower rate_limit.requests_per_second in the source.',
      detail: { ...detail, attempts },
    });
  }
  return new IngotError('HTTP_ERROR', `The API rejected the request to ${ctx.url}: ${status}.${said}`, {
    hint: `Check the url, params, headers and body in ${ctx.file} against the API's documentation.`,
    detail,
  });
}

const HINTS: Record<TransportError['failure'], string> = {
  tls: 'Check the scheme of `url`: https:// to a server that speaks plain HTTP fails like this (use http://), as does a certificate the machine does not trust.',
  refused: 'Check that the API server is running and that the host and port in `url` are right.',
  dns: 'Check the host name in `url`, and that this machine is online.',
  network: 'Check that this machine is online and can reach the host.',
  connect_timeout: 'The host does not answer: check the url and the network, or raise timeout.connect_ms in the source.',
  read_timeout: 'The API is too slow: raise timeout.read_ms in the source, or ask for smaller pages.',
  reset: 'The connection dropped; try again. If it keeps happening, lower rate_limit.requests_per_second.',
  truncated: 'The connection dropped in the middle of a response; try again. If it keeps happening, ask for smaller pages.',
  too_large: 'Ask for smaller pages (a page size parameter), or raise max_page_bytes in the source.',
};

/** A transport failure that retries did not overcome. */
export function transportFailure(err: TransportError, ctx: ErrorContext, attempts: number): IngotError {
  const tries = attempts > 1 ? ` (tried ${attempts} times)` : '';
  const at = err.failure === 'truncated' && err.received !== undefined ? { byteOffset: err.received } : {};
  return new IngotError('HTTP_ERROR', `Cannot load ${ctx.url}: ${err.message}${tries}.`, {
    hint: HINTS[err.failure],
    detail: { file: ctx.file, url: ctx.url, failure: err.failure, ...at, ...(err.code ? { errno: err.code } : {}) },
  });
}
