// Opens a published table in the Tables screen's grid, or says it has not been built yet.
import type { Layer } from '../../../shared/api/index.js';
import { countOf } from '../../format/numbers.js';
import { useTablesStore } from '../../stores/tables/store.js';
import { useUiStore } from '../../stores/ui/store.js';

export function OpenTableButton({ layer, name }: { layer: Layer; name: string }) {
  const table = useTablesStore((s) => s.tables.find((t) => t.layer === layer && t.name === name) ?? null);
  if (!table) return <p className="muted">{layer}.{name} has not been built yet.</p>;
  const open = (): void => {
    useTablesStore.getState().openTable(layer, name);
    useUiStore.getState().navigate('tables');
  };
  return (
    <button type="button" className="button" onClick={open}>
      Open {layer}.{name} ({countOf(table.rows, 'row')})
    </button>
  );
}
