// What each screen has open, as a route item (see route.ts): read from the screen's store, opened
// in it, and checked against the screen's data once that has arrived. The one place that ties the
// URL hash to the stores' selections; route-sync.ts does the rest.
import type { ScreenId } from './screens.js';
import { layerItem, parseLayerItem, parseRunItem } from './route.js';
import { useCatalogStore } from './stores/catalog/store.js';
import { catalogId } from './stores/catalog/selectors.js';
import { useExploreStore } from './stores/explore/store.js';
import { useModelsStore } from './stores/models/store.js';
import { modelId } from './stores/models/selectors.js';
import { useQualityStore } from './stores/quality/store.js';
import { qualityId } from './stores/quality/selectors.js';
import { useRunsStore } from './stores/runs/store.js';
import { useTablesStore } from './stores/tables/store.js';

export interface ScreenSelection {
  /** What is open, as a route item, or null. */
  read(): string | null;
  /** Opens `item` (one that exists), or with null closes what is open. */
  open(item: string | null): void;
  /** The screen's data has arrived, so whether an item exists can be told. */
  ready(): boolean;
  exists(item: string): boolean;
  /** What a user is told when a link names an item that is not there (any more). */
  missing(item: string): string;
}

const tables = () => useTablesStore.getState();
const hasTable = (item: string): boolean => {
  const ref = parseLayerItem(item);
  return ref !== null && tables().tables.some((t) => t.layer === ref.layer && t.name === ref.name);
};

const tablesSelection: ScreenSelection = {
  read: () => {
    const open = tables().open;
    return open ? layerItem(open.layer, open.name) : null;
  },
  open: (item) => {
    const ref = item === null ? null : parseLayerItem(item);
    if (ref) tables().openTable(ref.layer, ref.name);
    else tables().closeTable();
  },
  ready: () => tables().status === 'ready',
  exists: hasTable,
  missing: (item) => `Table ${item} is not in the workspace any more; showing all tables.`,
};

const models = () => useModelsStore.getState();
const pipelineSelection: ScreenSelection = {
  read: () => models().selected,
  open: (item) => models().select(item),
  ready: () => models().status === 'ready' && tables().status === 'ready',
  // A node is a model or a bronze table.
  exists: (item) => models().models.some((m) => modelId(m) === item) || (item.startsWith('bronze.') && hasTable(item)),
  missing: (item) => `${item} is not in the pipeline any more; nothing is selected.`,
};

const runs = () => useRunsStore.getState();
const runsSelection: ScreenSelection = {
  read: () => (runs().selectedRunId === null ? null : String(runs().selectedRunId)),
  open: (item) => runs().select(item === null ? null : parseRunItem(item)),
  ready: () => runs().status === 'ready',
  exists: (item) => runs().runs.some((r) => r.runId === parseRunItem(item)),
  missing: (item) => `Run #${item} is not in the run history (the newest 50 runs); showing the newest run.`,
};

const quality = () => useQualityStore.getState();
const qualitySelection: ScreenSelection = {
  read: () => quality().selected,
  open: (item) => quality().select(item),
  ready: () => quality().status === 'ready',
  exists: (item) => quality().tables.some((t) => qualityId(t) === item),
  missing: (item) => `${item} has no check results; showing the table that needs attention first.`,
};

const explore = () => useExploreStore.getState();
const exploreSelection: ScreenSelection = {
  read: () => {
    const selected = explore().selected;
    return selected ? layerItem(selected.layer, selected.name) : null;
  },
  open: (item) => explore().selectTable(item === null ? null : parseLayerItem(item)),
  ready: () => tables().status === 'ready',
  exists: hasTable,
  missing: (item) => `Table ${item} is not in the workspace any more; pick a table to explore.`,
};

const catalog = () => useCatalogStore.getState();
const catalogSelection: ScreenSelection = {
  read: () => catalog().selected,
  open: (item) => catalog().select(item),
  ready: () => catalog().status === 'ready',
  exists: (item) => catalog().entries.some((e) => catalogId(e) === item),
  missing: (item) => `${item} is not in the catalog any more; choose a table from the list.`,
};

/** The screens that open an item, by screen. */
export const SCREEN_SELECTIONS: Partial<Record<ScreenId, ScreenSelection>> = {
  tables: tablesSelection,
  pipeline: pipelineSelection,
  runs: runsSelection,
  quality: qualitySelection,
  explore: exploreSelection,
  catalog: catalogSelection,
};

/** Subscribes `listener` to every store holding a selection or the data it is checked against. */
export function subscribeSelections(listener: () => void): () => void {
  const offs = [useTablesStore, useModelsStore, useRunsStore, useQualityStore, useExploreStore, useCatalogStore].map((store) => store.subscribe(listener));
  return () => offs.forEach((off) => off());
}
