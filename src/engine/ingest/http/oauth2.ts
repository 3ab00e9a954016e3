// OAuth2 client credentials: fetches an access token from the token endpoint, keeps it in memory
// only, and fetches a new one shortly before it expires or when the API answers 401.
import { IngotError } from '../../../shared/errors.js';
import type { Redactor } from '../../secrets/redactor.js';
import type { OAuth2Auth } from './auth-schema.js';
import type { HttpRequest, HttpResponse } from './request.js';

export interface OAuth2Credentials {
  clientId: string;
  clientSecret: string;
  /** Secret names, for messages. */
  names: string[];
}

export interface TokenSource {
  token(signal?: AbortSignal): Promise<string>;
  /** Forgets the token so the next request fetches a new one. */
  invalidate(): void;
}

/** Sends a request with retries but without API credentials. */
export type PlainSender = (req: HttpRequest, display: string, signal?: AbortSignal) => Promise<HttpResponse>;

const form = (fields: Record<string, string | undefined>): string =>
  new URLSearchParams(Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined)).toString();

export function oauth2Tokens(auth: OAuth2Auth, creds: OAuth2Credentials, send: PlainSender, redactor: Redactor, file: string): TokenSource {
  let current: { token: string; refreshAt: number } | undefined;
  let pending: Promise<string> | undefined;

  const fetchToken = async (signal?: AbortSignal): Promise<string> => {
    const basic = auth.client_auth === 'basic';
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
    if (basic) {
      const encoded = Buffer.from(`${encodeURIComponent(creds.clientId)}:${encodeURIComponent(creds.clientSecret)}`).toString('base64');
      redactor.add(encoded);
      headers.authorization = `Basic ${encoded}`;
    }
    const body = form({
      grant_type: 'client_credentials',
      scope: auth.scope,
      audience: auth.audience,
      ...(basic ? {} : { client_id: creds.clientId, client_secret: creds.clientSecret }),
    });
    const res = await send({ method: 'POST', url: new URL(auth.token_url), headers, body }, auth.token_url, signal);
    const where = { file, field: 'auth.token_url', url: auth.token_url, status: res.status };
    if (res.status < 200 || res.status >= 300) {
      throw new IngotError('HTTP_ERROR', `The token endpoint ${auth.token_url} refused the client credentials: ${res.status} ${res.statusText}.`, {
        hint: `Check the secrets ${creds.names.join(' and ')} and the scope; Ingot sends them as OAuth2 client credentials (${auth.client_auth === 'basic' ? 'Basic header' : 'form fields'}).`,
        detail: where,
      });
    }
    let token: unknown;
    let expiresIn: unknown;
    try {
      const parsed = JSON.parse(res.body.toString('utf8')) as { access_token?: unknown; expires_in?: unknown };
      token = parsed.access_token;
      expiresIn = parsed.expires_in;
    } catch {
      token = undefined;
    }
    if (typeof token !== 'string' || token === '') {
      throw new IngotError('HTTP_ERROR', `The token endpoint ${auth.token_url} answered without an access_token.`, {
        hint: 'Check that token_url is the OAuth2 token endpoint of the API.',
        detail: where,
      });
    }
    redactor.add(token);
    const lifetimeMs = typeof expiresIn === 'number' || typeof expiresIn === 'string' ? Number(expiresIn) * 1000 : Number.NaN;
    // Renew a little before expiry: a quarter of the lifetime early, at most 30 s.
    const refreshAt = Number.isFinite(lifetimeMs) && lifetimeMs > 0 ? Date.now() + lifetimeMs - Math.min(30_000, lifetimeMs / 4) : Number.POSITIVE_INFINITY;
    current = { token, refreshAt };
    return token;
  };

  return {
    token(signal) {
      if (current && Date.now() < current.refreshAt) return Promise.resolve(current.token);
      pending ??= fetchToken(signal).finally(() => {
        pending = undefined;
      });
      return pending;
    },
    invalidate() {
      current = undefined;
    },
  };
}
