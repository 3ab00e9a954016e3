// The HTTP client of one load: credentials, the rate and concurrency limits, timeouts, and
// retries with exponential backoff and jitter on network errors, 408, 429 and 5xx (429 and 503
// honour Retry-After). A 401 under OAuth2 fetches a new token and tries once more.
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { IngotError } from '../../../shared/errors.js';
import type { Redactor } from '../../secrets/redactor.js';
import type { SecretStore } from '../../secrets/secret-store.js';
import { createAuthenticator, type Authenticator } from './auth.js';
import { statusError, transportFailure, type ErrorContext } from './http-errors.js';
import type { HttpSource } from './http-source.js';
import { createLimiter, type Limiter } from './limiter.js';
import { sendRequest, type HttpRequest, type HttpResponse } from './request.js';
import { retryAfterMs } from './retry-after.js';
import { backoffMs, sleep } from './sleep.js';
import { TransportError } from './transport-error.js';

export interface ClientOptions {
  file: string;
  store: SecretStore;
  redactor: Redactor;
  /** For tests: the jitter source. */
  random?: () => number;
}

export interface HttpClient {
  /** Sends `req` with credentials, limits and retries; fails unless the final answer is 2xx. */
  fetch(req: HttpRequest, signal?: AbortSignal): Promise<HttpResponse>;
  /** Sends `req` once with credentials and returns whatever comes back (for test requests). */
  probe(req: HttpRequest, signal?: AbortSignal): Promise<HttpResponse>;
  /** The URL as messages and the ledger may show it: without the credential query parameter. */
  display(url: URL | string): string;
  errorContext(url: URL | string): ErrorContext;
  readonly auth: Authenticator | undefined;
  /** Retries so far, by reason, for the load's summary. */
  readonly retries: ReadonlyMap<string, number>;
  close(): void;
}

const RETRY_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);

export async function createHttpClient(src: HttpSource, options: ClientOptions): Promise<HttpClient> {
  const agents = {
    http: new HttpAgent({ keepAlive: true, maxSockets: src.rate_limit.concurrency + 1 }),
    https: new HttpsAgent({ keepAlive: true, maxSockets: src.rate_limit.concurrency + 1 }),
  };
  const limiter: Limiter = createLimiter({ concurrency: src.rate_limit.concurrency + 1, requestsPerSecond: src.rate_limit.requests_per_second });
  const pageSlots: Limiter = createLimiter({ concurrency: src.rate_limit.concurrency });
  const retries = new Map<string, number>();
  const random = options.random ?? Math.random;
  // Set once credentials are resolved; the token requests of OAuth2 go out before that, without it.
  const held: { auth?: Authenticator } = {};

  const display = (url: URL | string): string => {
    const u = new URL(String(url));
    if (held.auth?.queryParam) u.searchParams.delete(held.auth.queryParam);
    return options.redactor.text(u.toString());
  };
  const errorContext = (url: URL | string): ErrorContext => ({
    file: options.file,
    url: display(url),
    secrets: (held.auth?.secretNames ?? []).map((name) => ({ name, where: options.store.describe(name) })),
  });
  const count = (reason: string): void => void retries.set(reason, (retries.get(reason) ?? 0) + 1);
  const limits = (url: URL | string, signal?: AbortSignal) => ({
    connectMs: src.timeout.connect_ms,
    readMs: src.timeout.read_ms,
    maxBytes: src.max_page_bytes,
    display: display(url),
    agents,
    ...(signal ? { signal } : {}),
  });

  /** Sends with retries; `authorize` adds credentials to each try. Returns the last response. */
  const withRetries = async (req: HttpRequest, authorize: (r: HttpRequest) => Promise<void>, signal?: AbortSignal): Promise<{ res: HttpResponse; attempts: number }> => {
    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      let res: HttpResponse;
      try {
        res = await limiter.run(async () => {
          const copy: HttpRequest = { ...req, url: new URL(req.url), headers: { ...req.headers } };
          await authorize(copy);
          return sendRequest(copy, limits(req.url, signal));
        }, signal);
      } catch (err) {
        if (!(err instanceof TransportError)) throw err;
        if (!err.retryable || attempt >= src.retry.attempts) throw transportFailure(err, errorContext(req.url), attempt);
        count(err.failure.replace('_', ' '));
        await sleep(backoffMs(attempt, src.retry.backoff_ms, src.retry.max_backoff_ms, random), signal);
        continue;
      }
      if (res.status === 401 && !refreshed && held.auth?.refresh()) {
        refreshed = true;
        attempt--;
        continue;
      }
      if (!RETRY_STATUS.has(res.status) || attempt >= src.retry.attempts) return { res, attempts: attempt };
      const asked = res.status === 429 || res.status === 503 ? retryAfterMs(res.headers['retry-after']) : undefined;
      if (asked !== undefined && asked > src.retry.max_retry_after_s * 1000) {
        const at = new Date(Date.now() + asked).toISOString();
        throw new IngotError('HTTP_ERROR', `${display(req.url)} answered ${res.status} and asks Ingot to wait ${Math.ceil(asked / 1000)} s (Retry-After), longer than retry.max_retry_after_s (${src.retry.max_retry_after_s} s).`, {
          hint: `Load again after ${at}, or raise retry.max_retry_after_s in ${options.file}.`,
          detail: { file: options.file, url: display(req.url), status: res.status, retryAfterMs: asked },
        });
      }
      count(String(res.status));
      await sleep(asked ?? backoffMs(attempt, src.retry.backoff_ms, src.retry.max_backoff_ms, random), signal);
    }
  };

  const plain = async (req: HttpRequest, _display: string, signal?: AbortSignal): Promise<HttpResponse> => (await withRetries(req, async () => undefined, signal)).res;
  const auth = src.auth ? await createAuthenticator(src.auth, { store: options.store, file: options.file, redactor: options.redactor, send: plain }) : undefined;
  if (auth) held.auth = auth;
  const authorize = async (r: HttpRequest): Promise<void> => auth?.apply(r);

  return {
    async fetch(req, signal) {
      const { res, attempts } = await pageSlots.run(() => withRetries(req, authorize, signal), signal);
      if (res.status >= 200 && res.status < 300) return res;
      throw statusError(res, errorContext(req.url), attempts);
    },
    async probe(req, signal) {
      const copy: HttpRequest = { ...req, url: new URL(req.url), headers: { ...req.headers } };
      await authorize(copy);
      return sendRequest(copy, limits(req.url, signal));
    },
    display,
    errorContext,
    get auth() {
      return auth;
    },
    retries,
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}
