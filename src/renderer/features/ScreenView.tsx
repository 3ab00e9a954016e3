// Shows the screen the navigation points at.
import type { ScreenId } from '../screens.js';
import { CapacityScreen } from './capacity/CapacityScreen.js';
import { CatalogScreen } from './catalog/CatalogScreen.js';
import { PipelineScreen } from './designer/PipelineScreen.js';
import { ExploreScreen } from './explore/ExploreScreen.js';
import { IngestScreen } from './ingest/IngestScreen.js';
import { QualityScreen } from './quality/QualityScreen.js';
import { RunsScreen } from './runs/RunsScreen.js';
import { SqlScreen } from './sql/SqlScreen.js';
import { TablesScreen } from './tables/TablesScreen.js';

export function ScreenView({ screen }: { screen: ScreenId }) {
  switch (screen) {
    case 'tables':
      return <TablesScreen />;
    case 'ingest':
      return <IngestScreen />;
    case 'pipeline':
      return <PipelineScreen />;
    case 'sql':
      return <SqlScreen />;
    case 'explore':
      return <ExploreScreen />;
    case 'quality':
      return <QualityScreen />;
    case 'runs':
      return <RunsScreen />;
    case 'capacity':
      return <CapacityScreen />;
    case 'catalog':
      return <CatalogScreen />;
  }
}
