// Host handlers for the Explore screen: a profile of every column of a table, and the grouped
// data of one chart. Both run on a pooled connection and stop when the call is cancelled.
import type { EngineHandlers } from '../../shared/api/engine-api.js';
import { chartData } from '../explore/chart-data.js';
import { profileTable } from '../explore/profile-table.js';
import type { HostContext } from './context.js';

export function exploreHandlers(ctx: HostContext): Pick<EngineHandlers, 'profileTable' | 'chartData'> {
  return {
    profileTable: async (req, { signal }) =>
      ctx.pool.use((conn) => profileTable(conn, req.layer, req.table, { sampleAbove: req.sampleAbove, sampleSize: req.sampleSize, signal })),
    chartData: async (req, { signal }) => ctx.pool.use((conn) => chartData(conn, req, { signal })),
  };
}
