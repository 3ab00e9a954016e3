// A secret store held in memory only, never written anywhere: for tests, and for a value the user
// types into a form for one test request.
import type { SecretStore } from './secret-store.js';

export interface MemorySecretStore extends SecretStore {
  set(name: string, value: string): void;
  delete(name: string): void;
}

export function memorySecretStore(initial: Readonly<Record<string, string>> = {}): MemorySecretStore {
  const values = new Map(Object.entries(initial));
  return {
    get: async (name) => values.get(name),
    describe: (name) => `the secret ${name} (held in memory)`,
    set: (name, value) => void values.set(name, value),
    delete: (name) => void values.delete(name),
  };
}
