// Profiles the picked table again when a run or a load rebuilds it (its row count or last load
// changes in the catalog), so the profile never describes data that is gone.
import { useEffect, useRef } from 'react';
import type { TableInfo } from '../../../shared/api/index.js';
import type { ExploreTableRef } from '../../stores/explore/initial-state.js';
import { useExploreStore } from '../../stores/explore/store.js';

export function useReprofileOnRebuild(selected: ExploreTableRef | null, tables: readonly TableInfo[]): void {
  const info = selected ? tables.find((t) => t.layer === selected.layer && t.name === selected.name) : undefined;
  const version = info ? `${info.rows}@${info.lastLoadedAt ?? ''}` : null;
  const seen = useRef<{ table: ExploreTableRef | null; version: string | null }>({ table: null, version: null });
  useEffect(() => {
    const before = seen.current;
    seen.current = { table: selected, version };
    if (selected === null || before.table !== selected || before.version === null || version === null || before.version === version) return;
    if (useExploreStore.getState().profileStatus !== 'loading') void useExploreStore.getState().loadProfile();
  }, [selected, version]);
}
