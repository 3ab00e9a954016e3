// The Catalog screen, not built yet: says in one line what it will do.
import { PlannedScreen } from '../../components/layout/PlannedScreen.js';

export function CatalogScreen() {
  return <PlannedScreen title="Catalog" purpose="The catalog will describe every source, model and table, with columns, owners and lineage." />;
}
