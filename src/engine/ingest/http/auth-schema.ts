// The `auth:` block of an HTTP source. Every credential is named, never written: `token_secret:
// SHOPFLOW_TOKEN` names a secret that is looked up (environment variable, OS keychain) per load.
import { z } from 'zod';
import { SECRET_NAME } from '../../secrets/secret-store.js';

const SecretName = z
  .string({ error: 'must be the name of a secret, e.g. SHOPFLOW_TOKEN' })
  .regex(SECRET_NAME, 'must be the name of a secret (an environment variable name such as SHOPFLOW_TOKEN), not its value');

export const BearerAuthSchema = z.object({ type: z.literal('bearer'), token_secret: SecretName }).strict();

export const BasicAuthSchema = z
  .object({
    type: z.literal('basic'),
    username: z.string().min(1).optional(),
    username_secret: SecretName.optional(),
    password_secret: SecretName,
  })
  .strict();

export const ApiKeyAuthSchema = z
  .object({
    type: z.literal('api_key'),
    /** Sent as a header (default) or a query parameter. */
    in: z.enum(['header', 'query']).default('header'),
    /** The header or parameter name. */
    name: z.string().min(1).default('X-API-Key'),
    key_secret: SecretName,
  })
  .strict();

export const OAuth2AuthSchema = z
  .object({
    type: z.literal('oauth2_client_credentials'),
    token_url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
    client_id: z.string().min(1).optional(),
    client_id_secret: SecretName.optional(),
    client_secret_secret: SecretName,
    scope: z.string().optional(),
    audience: z.string().optional(),
    /** How the client authenticates to the token endpoint: a Basic header (default) or form fields. */
    client_auth: z.enum(['basic', 'body']).default('basic'),
  })
  .strict();

export const AuthSchema = z.discriminatedUnion('type', [BearerAuthSchema, BasicAuthSchema, ApiKeyAuthSchema, OAuth2AuthSchema], {
  error: 'auth.type must be one of: bearer, basic, api_key, oauth2_client_credentials',
});

export type AuthConfig = z.output<typeof AuthSchema>;
export type OAuth2Auth = z.output<typeof OAuth2AuthSchema>;
