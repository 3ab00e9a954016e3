// Selectors of the connection store.
import type { ConnectionStore } from './store.js';

export const selectConnection = (s: ConnectionStore) => ({ status: s.status, retryAt: s.retryAt, error: s.error, engineVersion: s.engine?.engineVersion ?? null });
export const selectWorkspace = (s: ConnectionStore) => s.engine?.workspace ?? null;
export const selectConnected = (s: ConnectionStore) => s.status === 'connected';
export const selectReconnecting = (s: ConnectionStore) => s.status === 'reconnecting';
