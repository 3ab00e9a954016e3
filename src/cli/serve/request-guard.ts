// Decides whether a request may reach Ingot at all. In order: the Host header must name this
// server (refusing DNS-rebinding hosts), an Origin must be this server's own (refusing other
// sites' pages), and the request must carry the token (query, cookie or bearer header).
import type { IncomingMessage } from 'node:http';
import { cookieName, readCookie, tokenMatches } from './token.js';

export interface GuardConfig {
  port: number;
  token: string;
}

export type GuardVerdict =
  | { ok: true; host: string; origin: string; tokenFromQuery: boolean }
  | { ok: false; status: 401 | 403; reason: string };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The Host values this server answers to. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** Checks Host, Origin and token. `upgrade` marks a WebSocket handshake, which must send an Origin. */
export function guardRequest(req: IncomingMessage, config: GuardConfig, options: { upgrade?: boolean } = {}): GuardVerdict {
  const host = (req.headers.host ?? '').toLowerCase();
  if (!allowedHosts(config.port).includes(host)) {
    return { ok: false, status: 403, reason: 'This Ingot server only answers requests addressed to 127.0.0.1 or localhost.' };
  }
  const origin = `http://${host}`;
  const sentOrigin = req.headers.origin;
  const mustHaveOrigin = options.upgrade === true || !SAFE_METHODS.has(req.method ?? 'GET');
  if (sentOrigin !== undefined ? sentOrigin !== origin : mustHaveOrigin) {
    return { ok: false, status: 403, reason: 'Refused: the request comes from another site (its Origin is not this Ingot server).' };
  }
  const url = new URL(req.url ?? '/', origin);
  const fromQuery = url.searchParams.get('token') ?? undefined;
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  const fromCookie = readCookie(req.headers.cookie, cookieName(config.port));
  const presented = [fromQuery, bearer, fromCookie].filter((t): t is string => t !== undefined);
  const queryOk = tokenMatches(fromQuery, config.token);
  if (!queryOk && !presented.some((t) => tokenMatches(t, config.token))) {
    return {
      ok: false,
      status: 401,
      reason:
        presented.length === 0
          ? 'This Ingot server needs its access token. Open the URL that `ingot serve` printed (it ends with ?token=…).'
          : 'The access token is wrong or from an earlier start. Open the URL that `ingot serve` printed this time.',
    };
  }
  return { ok: true, host, origin, tokenFromQuery: queryOk };
}
