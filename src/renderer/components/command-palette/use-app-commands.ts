// The palette's command list, bound to the stores: navigation, runs, tables, the connection.
import { useMemo } from 'react';
import { engineConnection } from '../../api/engine.js';
import { useConnectionStore } from '../../stores/connection/store.js';
import { selectReconnecting } from '../../stores/connection/selectors.js';
import { useRunsStore } from '../../stores/runs/store.js';
import { selectActiveRun } from '../../stores/runs/selectors.js';
import { useTablesStore } from '../../stores/tables/store.js';
import { useUiStore } from '../../stores/ui/store.js';
import { selectNavigate } from '../../stores/ui/selectors.js';
import { buildCommands, type PaletteCommand } from './commands.js';

export function useAppCommands(): PaletteCommand[] {
  const navigate = useUiStore(selectNavigate);
  const activeRun = useRunsStore(selectActiveRun);
  const activeRunId = activeRun?.runId ?? null;
  const reconnecting = useConnectionStore(selectReconnecting);
  return useMemo(
    () =>
      buildCommands({
        navigate,
        startRun: () => {
          navigate('runs');
          void useRunsStore.getState().start({ select: '' });
        },
        cancelRun: activeRunId === null ? null : () => void useRunsStore.getState().cancel(activeRunId),
        reloadTables: () => {
          navigate('tables');
          void useTablesStore.getState().load();
        },
        reconnect: reconnecting ? () => engineConnection().retryNow() : null,
      }),
    [navigate, activeRunId, reconnecting],
  );
}
