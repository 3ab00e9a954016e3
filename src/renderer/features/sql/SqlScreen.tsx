// The SQL screen, not built yet: says in one line what it will do.
import { PlannedScreen } from '../../components/layout/PlannedScreen.js';

export function SqlScreen() {
  return <PlannedScreen title="SQL" purpose="The SQL editor will run queries on bronze, silver and gold tables and show the results in the grid." />;
}
