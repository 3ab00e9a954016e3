// Lands a finished spool as the batch's rows: DuckDB reads the records (read_json), bronze
// reconciles the columns (drift policy), one INSERT … SELECT appends them with lineage, duplicates
// are resolved on the primary key, and the new incremental cursor is computed, all inside the
// batch's transaction.
import { IngotError } from '../../../shared/errors.js';
import type { ColumnInfo } from '../../db/connection.js';
import type { LandContext } from '../land-context.js';
import { nextCursor } from './cursor-value.js';
import { dedupBatch, dedupSummary } from './dedup.js';
import type { HttpSource } from './http-source.js';
import { spoolReadError, spoolRelation } from './spool-relation.js';
import type { Shape } from './shape.js';

export interface LandedSpool {
  rowsLoaded: number;
  cursor: string | null;
}

function withOverrides(columns: readonly ColumnInfo[], overrides: Record<string, string>): ColumnInfo[] {
  const byName = new Map(Object.entries(overrides).map(([k, v]) => [k.toLowerCase(), v]));
  return columns.map((c) => ({ name: c.name, type: byName.get(c.name.toLowerCase()) ?? c.type }));
}

/** The column named `name` (any case), or a clear error naming the columns there are. */
function column(columns: readonly ColumnInfo[], name: string, field: string, file: string): ColumnInfo {
  const found = columns.find((c) => c.name.toLowerCase() === name.toLowerCase());
  if (found) return found;
  throw new IngotError('INGEST_FAILED', `${field} names "${name}", but the records have no such field; they have: ${columns.map((c) => c.name).join(', ')}.`, {
    hint: `Fix ${field} in ${file}${field.startsWith('primary_key') ? '' : ' (with `flatten: true`, nested fields are named parent_child)'}.`,
    detail: { file, field },
  });
}

export async function landSpool(ctx: LandContext, src: HttpSource, spool: { path: string; shape: Shape; origin: string; previousCursor: string | null }): Promise<LandedSpool> {
  const { conn, signal } = ctx;
  const file = ctx.source.file;
  const existing = ctx.replace ? [] : await ctx.bronze.columns();
  const read = await spoolRelation(conn, spool.path, spool.shape, { flatten: src.flatten, origin: spool.origin, warn: ctx.warn, existing });
  const incoming = withOverrides(read.columns, src.columns);
  const key = (src.primary_key ?? []).map((k, i) => column(incoming, k, `primary_key${src.primary_key && src.primary_key.length > 1 ? `[${i}]` : ''}`, file).name);
  const cursorColumn = src.incremental ? column(incoming, src.incremental.cursor_field, 'incremental.cursor_field', file) : undefined;
  const earlierBatches = existing.length > 0;
  const types = await ctx.bronze.prepare(incoming, spool.origin);
  let loaded: number;
  try {
    ({ loaded } = await ctx.bronze.insert(read.relation(types), spool.origin, {
      ...(signal ? { signal } : {}),
      onProgress: (p) => ctx.progress('loading', p.percentage, { rows: p.rowsProcessed, file: spool.origin }),
    }));
  } catch (err) {
    throw spoolReadError(err, spool.origin);
  }
  let rowsLoaded = loaded;
  if (key.length > 0) {
    ctx.progress('verifying', -1);
    const counts = await dedupBatch(conn, ctx.bronze.table, ctx.batchId, key, cursorColumn?.name, earlierBatches);
    rowsLoaded -= counts.duplicates + counts.alreadyPresent;
    const summary = dedupSummary(counts, key);
    if (summary) ctx.warn(summary);
  }
  let cursor = spool.previousCursor;
  if (cursorColumn) {
    const stored = (await ctx.bronze.columns()).find((c) => c.name.toLowerCase() === cursorColumn.name.toLowerCase()) ?? cursorColumn;
    cursor = await nextCursor(conn, ctx.bronze.table, ctx.batchId, stored, spool.previousCursor);
  }
  return { rowsLoaded, cursor };
}
