// Wires the engine connection to the stores: connection state into its store, a fresh catalog,
// run history and (once opened) model list on every (re)connect, live run events into the runs store, and the URL hash
// (screen and what it has open, see route-sync.ts) both ways. Returns the function that undoes all of it.
import type { EngineConnection } from './api/engine-connection.js';
import { connectRoute } from './route-sync.js';
import { useConnectionStore } from './stores/connection/store.js';
import { useModelsStore } from './stores/models/store.js';
import { useRunsStore } from './stores/runs/store.js';
import { useTablesStore } from './stores/tables/store.js';

export function connectStores(connection: EngineConnection): () => void {
  const offState = connection.watch((snapshot) => {
    const wasConnected = useConnectionStore.getState().status === 'connected';
    useConnectionStore.getState().sync(snapshot);
    if (snapshot.status === 'connected' && !wasConnected) {
      void useTablesStore.getState().load();
      void useRunsStore.getState().load();
      // Model files may have changed while the connection was down (their events were missed).
      if (useModelsStore.getState().status !== 'idle') void useModelsStore.getState().load();
    }
  });
  const offRuns = connection.on('onRunEvent', (event) => {
    useRunsStore.getState().applyEvent(event);
    // A finished run may have built or replaced tables.
    if (event.type === 'run-finished') void useTablesStore.getState().load();
  });
  // Back to the first entry (no hash) is the default screen; a hash naming no screen shows it too.
  const offRoute = connectRoute();
  return () => {
    offState();
    offRuns();
    offRoute();
  };
}
