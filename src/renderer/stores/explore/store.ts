// Explore store: the picked table, its column profile and one chart of it. Changing the table or
// the chart cancels the call in flight on the engine, and an answer that arrives after a newer
// request started is dropped, so the screen always shows what was asked last.
import { create } from 'zustand';
import type { TableProfile } from '../../../shared/api/index.js';
import { engineConnection } from '../../api/engine.js';
import { errorDataOf } from '../../api/error-data.js';
import { chartRequest, suggestSpec, withX } from './chart-spec.js';
import { initialExploreState, type ChartSpec, type ExploreState, type ExploreTableRef } from './initial-state.js';

export interface ExploreActions {
  /** Picks a table: cancels what was running and profiles it. */
  selectTable(table: ExploreTableRef | null): void;
  /** Profiles the picked table (again). */
  loadProfile(): Promise<void>;
  cancelProfile(): void;
  /** Changes the chart; a new x resets bucket, bins and order to suit the column. */
  setSpec(patch: Partial<ChartSpec>): void;
  drawChart(): Promise<void>;
  cancelChart(): void;
}

export type ExploreStore = ExploreState & ExploreActions;

const api = () => engineConnection().api;

export const useExploreStore = create<ExploreStore>()((set, get) => {
  let profileCall: AbortController | null = null;
  let chartCall: AbortController | null = null;
  /** Starts a call, cancelling the previous one of its kind. */
  const restart = (previous: AbortController | null): AbortController => {
    previous?.abort();
    return new AbortController();
  };

  return {
    ...initialExploreState,
    selectTable: (table) => {
      profileCall?.abort();
      chartCall?.abort();
      profileCall = chartCall = null;
      set({ ...initialExploreState, selected: table });
      if (table) void get().loadProfile();
    },
    loadProfile: async () => {
      const table = get().selected;
      if (!table) return;
      const call = (profileCall = restart(profileCall));
      set({ profileStatus: 'loading', profileError: null, profileStartedAt: Date.now() });
      let profile: TableProfile;
      try {
        profile = await api().profileTable({ layer: table.layer, table: table.name }, { signal: call.signal });
      } catch (err) {
        if (profileCall === call) set({ profileStatus: call.signal.aborted ? 'cancelled' : 'error', profileError: call.signal.aborted ? null : errorDataOf(err), profileStartedAt: null });
        return;
      } finally {
        if (profileCall === call) profileCall = null;
      }
      if (call.signal.aborted || get().selected !== table) return;
      // The first chart follows the profile; one the user already set up is kept.
      const spec = get().spec.x === null ? suggestSpec(profile) : get().spec;
      set({ profile, profileStatus: 'ready', profileStartedAt: null, spec });
      void get().drawChart();
    },
    cancelProfile: () => profileCall?.abort(),
    setSpec: (patch) => {
      const { spec, profile } = get();
      const next = patch.x !== undefined && patch.x !== null && patch.x !== spec.x ? { ...withX(spec, patch.x, profile), ...patch, x: patch.x } : { ...spec, ...patch };
      set({ spec: next });
      void get().drawChart();
    },
    drawChart: async () => {
      const { selected, spec, profile } = get();
      const request = selected ? chartRequest(selected, spec, profile) : null;
      const call = (chartCall = restart(chartCall));
      if (!request) {
        chartCall = null;
        set({ chartStatus: 'idle', chart: null, chartSpec: null, chartError: null });
        return;
      }
      set({ chartStatus: 'loading', chartError: null });
      try {
        const chart = await api().chartData(request, { signal: call.signal });
        if (chartCall === call) set({ chart, chartSpec: spec, chartStatus: 'ready' });
      } catch (err) {
        if (chartCall === call) set({ chartStatus: call.signal.aborted ? 'cancelled' : 'error', chartError: call.signal.aborted ? null : errorDataOf(err), chart: null, chartSpec: null });
      } finally {
        if (chartCall === call) chartCall = null;
      }
    },
    cancelChart: () => chartCall?.abort(),
  };
});
