// The secret store the engine uses unless a caller passes one: environment variables first, so
// CI and scripts can override, then the secrets the user saved (`ingot secret set`, or the Ingest
// screen) in the config folder outside every workspace. The desktop app may install another here.
import { chainSecretStores } from './chain-store.js';
import { envSecretStore } from './env-store.js';
import { fileSecretStore } from './file-store.js';
import type { SecretStore } from './secret-store.js';

let active: SecretStore = chainSecretStores(envSecretStore(), fileSecretStore());

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
