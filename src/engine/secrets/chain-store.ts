// Several secret stores asked in order (environment variables first, then the user's saved
// secrets). Before a secret is found, `describe` names every place Ingot looks; once it is found,
// it names the store that gave the value, so "check the secret" after a refusal points at the
// value that was actually sent.
import type { SecretStore } from './secret-store.js';

export function chainSecretStores(...stores: readonly SecretStore[]): SecretStore {
  const foundIn = new Map<string, SecretStore>();
  return {
    get: async (name) => {
      for (const store of stores) {
        const value = await store.get(name);
        if (value !== undefined) {
          foundIn.set(name, store);
          return value;
        }
      }
      foundIn.delete(name);
      return undefined;
    },
    describe: (name) => foundIn.get(name)?.describe(name) ?? stores.map((s) => s.describe(name)).join(' or '),
  };
}
