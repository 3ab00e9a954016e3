// Several secret stores asked in order (the desktop app: OS keychain first, then the environment).
import type { SecretStore } from './secret-store.js';

export function chainSecretStores(...stores: readonly SecretStore[]): SecretStore {
  return {
    get: async (name) => {
      for (const store of stores) {
        const value = await store.get(name);
        if (value !== undefined) return value;
      }
      return undefined;
    },
    describe: (name) => stores.map((s) => s.describe(name)).join(' or '),
  };
}
