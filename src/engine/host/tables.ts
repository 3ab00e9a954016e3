// Host handlers for reading data: ad-hoc SQL (its rows as Arrow IPC, or kept for the editor's grid
// to page through, and completions while typing it) and pages of a table.
import type { EngineHandlers } from '../../shared/api/engine-api.js';
import type { ArrowPayload } from '../../shared/api/common.js';
import type { ArrowResult } from '../db/connection.js';
import { completeSql } from '../query/complete-sql.js';
import { QueryResults } from '../query/query-results.js';
import { runQuery } from '../query/run-query.js';
import { tablePage } from '../query/table-page.js';
import type { HostContext } from './context.js';

export function tableHandlers(ctx: HostContext): Pick<EngineHandlers, 'query' | 'runSql' | 'resultPage' | 'completeSql' | 'tablePage'> {
  const results = new QueryResults(ctx.workspace.db);
  return {
    query: async (req, { signal }) => arrowPayload(await ctx.pool.use((conn) => runQuery(conn, req.sql, { limit: req.limit, offset: req.offset, signal }))),
    runSql: async (req, { signal }) => results.run(req.sql, signal),
    resultPage: async (req, { signal }) => arrowPayload(await results.page(req.resultId, req.offset, req.limit, signal)),
    completeSql: async (req) => ({ suggestions: await ctx.pool.use((conn) => completeSql(conn, req.sql)) }),
    tablePage: async (req, { signal }) =>
      arrowPayload(await ctx.pool.use((conn) => tablePage(conn, req.layer, req.table, req.offset, req.limit, req.sort, { signal }))),
  };
}

/** The wire form of an Arrow result (drops engine-only fields). */
export function arrowPayload(result: ArrowResult): ArrowPayload {
  // The encoder always writes into a plain ArrayBuffer, never a SharedArrayBuffer.
  return { ipc: result.ipc as Uint8Array<ArrayBuffer>, columns: result.columns, rowCount: result.rowCount };
}
