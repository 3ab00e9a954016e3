// The Ingest screen, not built yet: says in one line what it will do.
import { PlannedScreen } from '../../components/layout/PlannedScreen.js';

export function IngestScreen() {
  return <PlannedScreen title="Ingest" purpose="Ingest will preview files and HTTP APIs and load them into bronze, with progress and rejected rows shown." />;
}
