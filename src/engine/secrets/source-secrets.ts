// Which secrets an HTTP source names, and in which field of its `auth:` block: for the Secrets
// panel of the Ingest screen, which shows for each one whether it is set and where.
import type { AuthConfig } from '../ingest/http/auth-schema.js';

export interface NamedSecret {
  name: string;
  /** The field that names it, e.g. auth.token_secret. */
  field: string;
}

/** The secrets `auth` names, in the order its fields are read. */
export function authSecrets(auth: AuthConfig | undefined): NamedSecret[] {
  if (!auth) return [];
  const named = (field: string, name: string | undefined): NamedSecret[] => (name === undefined ? [] : [{ name, field: `auth.${field}` }]);
  switch (auth.type) {
    case 'bearer':
      return named('token_secret', auth.token_secret);
    case 'basic':
      return [...named('username_secret', auth.username_secret), ...named('password_secret', auth.password_secret)];
    case 'api_key':
      return named('key_secret', auth.key_secret);
    case 'oauth2_client_credentials':
      return [...named('client_id_secret', auth.client_id_secret), ...named('client_secret_secret', auth.client_secret_secret)];
  }
}
