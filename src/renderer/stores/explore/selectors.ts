// Selectors of the explore store.
import type { ExploreStore } from './store.js';

export const selectExploreTable = (s: ExploreStore) => ({ selected: s.selected, selectTable: s.selectTable });

export const selectProfileView = (s: ExploreStore) => ({
  status: s.profileStatus,
  profile: s.profile,
  error: s.profileError,
  startedAt: s.profileStartedAt,
  reload: s.loadProfile,
  cancel: s.cancelProfile,
});

export const selectChartView = (s: ExploreStore) => ({
  spec: s.spec,
  profile: s.profile,
  status: s.chartStatus,
  chart: s.chart,
  chartSpec: s.chartSpec,
  error: s.chartError,
  setSpec: s.setSpec,
  redraw: s.drawChart,
  cancel: s.cancelChart,
});
