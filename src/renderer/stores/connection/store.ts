// Connection store: the engine connection's state (connecting, connected, reconnecting,
// incompatible, refused), fed by the engine connection, read by the status bar and the top bar.
import { create } from 'zustand';
import type { ConnectionSnapshot } from '../../api/engine-connection.js';
import { initialConnectionState, type ConnectionState } from './initial-state.js';

export interface ConnectionActions {
  sync(snapshot: ConnectionSnapshot): void;
}

export type ConnectionStore = ConnectionState & ConnectionActions;

export const useConnectionStore = create<ConnectionStore>()((set) => ({
  ...initialConnectionState,
  sync: (snapshot) => set(snapshot),
}));
