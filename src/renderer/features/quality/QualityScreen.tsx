// The Quality screen, not built yet: says in one line what it will do.
import { PlannedScreen } from '../../components/layout/PlannedScreen.js';

export function QualityScreen() {
  return <PlannedScreen title="Quality" purpose="Quality will show every check's result, each table's quality score, and the quarantined rows." />;
}
