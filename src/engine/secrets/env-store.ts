// The secret store of the CLI and CI: each secret is the environment variable of the same name.
import type { SecretStore } from './secret-store.js';

/** Reads secrets from `env` (process.env unless given). An empty variable counts as unset. */
export function envSecretStore(env: Readonly<Record<string, string | undefined>> = process.env): SecretStore {
  return {
    get: async (name) => {
      const value = env[name];
      return value === undefined || value === '' ? undefined : value;
    },
    describe: (name) => `the environment variable ${name}`,
  };
}
