// Initial state of the explore store: no table picked, no profile, no chart.
import type { Aggregate, ChartData, ChartOrder, Layer, TableProfile, TimeBucket } from '../../../shared/api/index.js';
import type { ErrorData } from '../../../shared/errors.js';

export interface ExploreTableRef {
  layer: Layer;
  name: string;
}

/** What the chart builder asks for; applied to the engine request by `chartRequest`. */
export interface ChartSpec {
  /** The column to group by; no chart until one is picked. */
  x: string | null;
  /** The column to aggregate; null counts rows. */
  y: string | null;
  aggregate: Aggregate;
  /** Temporal x: the calendar bucket. */
  bucket: TimeBucket;
  /** Number x: this many equal-width bins, or null to group by value. */
  bins: number | null;
  /** null: the engine's default (x order for time and bins, largest first otherwise). */
  order: ChartOrder | null;
  /** Groups shown at most; null: the default for the x column (every group over time, else 50). */
  limit: number | null;
}

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error' | 'cancelled';

export interface ExploreState {
  selected: ExploreTableRef | null;
  profileStatus: LoadStatus;
  profile: TableProfile | null;
  profileError: ErrorData | null;
  /** When the running profile started (ms since the epoch), for its elapsed time. */
  profileStartedAt: number | null;
  spec: ChartSpec;
  chartStatus: LoadStatus;
  chart: ChartData | null;
  /** The spec `chart` was drawn for (the spec may have changed since). */
  chartSpec: ChartSpec | null;
  chartError: ErrorData | null;
}

export const EMPTY_SPEC: ChartSpec = { x: null, y: null, aggregate: 'count', bucket: 'month', bins: null, order: null, limit: null };

export const initialExploreState: ExploreState = {
  selected: null,
  profileStatus: 'idle',
  profile: null,
  profileError: null,
  profileStartedAt: null,
  spec: EMPTY_SPEC,
  chartStatus: 'idle',
  chart: null,
  chartSpec: null,
  chartError: null,
};
