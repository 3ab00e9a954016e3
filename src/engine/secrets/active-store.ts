// The secret store the engine uses unless a caller passes one: environment variables by default.
// The desktop app installs its keychain-backed store here at start-up.
import { envSecretStore } from './env-store.js';
import type { SecretStore } from './secret-store.js';

let active: SecretStore = envSecretStore();

export function activeSecretStore(): SecretStore {
  return active;
}

/** Installs `store` as the engine's secret store; returns a function that puts the previous one back. */
export function setActiveSecretStore(store: SecretStore): () => void {
  const previous = active;
  active = store;
  return () => {
    active = previous;
  };
}
