// The Pipeline screen, not built yet: says in one line what it will do.
import { PlannedScreen } from '../../components/layout/PlannedScreen.js';

export function PipelineScreen() {
  return <PlannedScreen title="Pipeline" purpose="The pipeline designer will show and edit the models as a graph from bronze through silver to gold." />;
}
