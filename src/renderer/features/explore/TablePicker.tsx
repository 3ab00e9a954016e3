// Picks the table to explore: every table of the catalog, gold first (the business-ready
// tables), then silver, bronze and quarantine, each with its row count.
import { useId } from 'react';
import type { Layer, TableInfo } from '../../../shared/api/index.js';
import { countOf } from '../../format/numbers.js';
import type { ExploreTableRef } from '../../stores/explore/initial-state.js';

const PICK_ORDER: readonly Layer[] = ['gold', 'silver', 'bronze', 'quarantine'];

/** `gold.daily_revenue` */
export function tableId(table: { layer: Layer; name: string }): string {
  return `${table.layer}.${table.name}`;
}

export function TablePicker({ tables, selected, onSelect }: { tables: readonly TableInfo[]; selected: ExploreTableRef | null; onSelect(table: ExploreTableRef | null): void }) {
  const selectId = useId();
  const pick = (id: string): void => {
    const table = tables.find((t) => tableId(t) === id);
    onSelect(table ? { layer: table.layer, name: table.name } : null);
  };
  return (
    <div className="explore__picker">
      <label className="field__label" htmlFor={selectId}>
        Table
      </label>
      <select id={selectId} className="input" value={selected ? tableId(selected) : ''} onChange={(e) => pick(e.target.value)}>
        <option value="">Choose a table…</option>
        {PICK_ORDER.map((layer) => {
          const inLayer = tables.filter((t) => t.layer === layer).sort((a, b) => a.name.localeCompare(b.name));
          return inLayer.length === 0 ? null : (
            <optgroup key={layer} label={layer}>
              {inLayer.map((t) => (
                <option key={tableId(t)} value={tableId(t)}>
                  {tableId(t)} ({countOf(t.rows, 'row')})
                </option>
              ))}
            </optgroup>
          );
        })}
      </select>
    </div>
  );
}
