// The Explore screen, not built yet: says in one line what it will do.
import { PlannedScreen } from '../../components/layout/PlannedScreen.js';

export function ExploreScreen() {
  return <PlannedScreen title="Explore" purpose="Explore will filter, sort, group and chart gold tables, offline." />;
}
