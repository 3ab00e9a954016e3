// Groups the catalog by layer, in pipeline order (bronze, silver, gold, then quarantine).
import type { Layer, TableInfo } from '../../../shared/api/index.js';

export const LAYER_ORDER: readonly Layer[] = ['bronze', 'silver', 'gold', 'quarantine'];

export const LAYER_LABELS: Record<Layer, string> = { bronze: 'Bronze', silver: 'Silver', gold: 'Gold', quarantine: 'Quarantine' };

export interface LayerGroup {
  layer: Layer;
  tables: TableInfo[];
}

/** Non-empty layers in pipeline order, tables sorted by name within each. */
export function groupByLayer(tables: readonly TableInfo[]): LayerGroup[] {
  return LAYER_ORDER.map((layer) => ({
    layer,
    tables: tables.filter((t) => t.layer === layer).sort((a, b) => a.name.localeCompare(b.name)),
  })).filter((group) => group.tables.length > 0);
}
