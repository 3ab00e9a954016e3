// Applies a source's `auth:` to each request. Secrets are resolved by name when the load starts
// (a missing one fails before any request) and registered with the redactor, so no message,
// ledger entry or stored URL can carry them.
import type { Redactor } from '../../secrets/redactor.js';
import { addBasicCredentials } from '../../secrets/redactor.js';
import { resolveSecret } from '../../secrets/resolve-secret.js';
import type { SecretStore } from '../../secrets/secret-store.js';
import type { AuthConfig } from './auth-schema.js';
import { oauth2Tokens, type PlainSender, type TokenSource } from './oauth2.js';
import type { HttpRequest } from './request.js';

export interface Authenticator {
  apply(req: HttpRequest, signal?: AbortSignal): Promise<void>;
  /** After a 401: gets fresh credentials if the scheme can; false when retrying cannot help. */
  refresh(): boolean;
  /** The secret names this auth uses, for "check the secret …" messages. */
  secretNames: string[];
  /** Header names that carry credentials (shown redacted). */
  headerNames: string[];
  /** Query parameter that carries credentials (stripped from stored URLs). */
  queryParam?: string;
}

export interface AuthContext {
  store: SecretStore;
  /** The source file, for messages. */
  file: string;
  redactor: Redactor;
  /** Sends token requests (OAuth2) with retries but no API credentials. */
  send: PlainSender;
}

export async function createAuthenticator(auth: AuthConfig, ctx: AuthContext): Promise<Authenticator> {
  const secret = (name: string, field: string): Promise<string> => resolveSecret(ctx.store, name, { file: ctx.file, field: `auth.${field}` }, ctx.redactor);
  const setHeader = (req: HttpRequest, name: string, value: string): void => {
    for (const key of Object.keys(req.headers)) if (key.toLowerCase() === name.toLowerCase()) delete req.headers[key];
    req.headers[name] = value;
  };
  switch (auth.type) {
    case 'bearer': {
      const token = await secret(auth.token_secret, 'token_secret');
      return { apply: async (req) => setHeader(req, 'authorization', `Bearer ${token}`), refresh: () => false, secretNames: [auth.token_secret], headerNames: ['authorization'] };
    }
    case 'basic': {
      const user = auth.username ?? (await secret(auth.username_secret ?? '', 'username_secret'));
      const password = await secret(auth.password_secret, 'password_secret');
      addBasicCredentials(ctx.redactor, user, password);
      const value = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
      const names = [auth.username_secret, auth.password_secret].filter((n): n is string => n !== undefined);
      return { apply: async (req) => setHeader(req, 'authorization', value), refresh: () => false, secretNames: names, headerNames: ['authorization'] };
    }
    case 'api_key': {
      const key = await secret(auth.key_secret, 'key_secret');
      if (auth.in === 'query') {
        return { apply: async (req) => req.url.searchParams.set(auth.name, key), refresh: () => false, secretNames: [auth.key_secret], headerNames: [], queryParam: auth.name };
      }
      return { apply: async (req) => setHeader(req, auth.name, key), refresh: () => false, secretNames: [auth.key_secret], headerNames: [auth.name.toLowerCase()] };
    }
    case 'oauth2_client_credentials': {
      const clientId = auth.client_id ?? (await secret(auth.client_id_secret ?? '', 'client_id_secret'));
      const clientSecret = await secret(auth.client_secret_secret, 'client_secret_secret');
      const names = [auth.client_id_secret, auth.client_secret_secret].filter((n): n is string => n !== undefined);
      const tokens: TokenSource = oauth2Tokens(auth, { clientId, clientSecret, names }, ctx.send, ctx.redactor, ctx.file);
      return {
        apply: async (req, signal) => setHeader(req, 'authorization', `Bearer ${await tokens.token(signal)}`),
        refresh: () => {
          tokens.invalidate();
          return true;
        },
        secretNames: names,
        headerNames: ['authorization'],
      };
    }
  }
}
