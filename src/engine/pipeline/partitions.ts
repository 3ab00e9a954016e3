// The backfill range of `ingot run --partitions FROM..TO`: two partition values, inclusive,
// compared by DuckDB in the partition column's own type (dates, numbers or text). A range is
// checked before a run is recorded: both ends must be values of that type, FROM no later than TO.
import { IngotError } from '../../shared/errors.js';
import type { SqlConnection } from '../db/connection.js';
import { ident, qualified } from '../db/sql.js';
import type { PipelineGraph } from './graph.js';
import type { PartitionRange } from './plan.js';
import { selectModels } from './selection.js';

/** Parses `FROM..TO`; throws INVALID_INPUT with an example when it is not one. */
export function parsePartitionRange(text: string): PartitionRange {
  const at = text.indexOf('..');
  const from = at > 0 ? text.slice(0, at).trim() : '';
  const to = at > 0 ? text.slice(at + 2).trim() : '';
  if (from === '' || to === '' || to.includes('..')) {
    throw new IngotError('INVALID_INPUT', `--partitions "${text}" is not a range.`, {
      hint: 'Give the first and last partition to rebuild, inclusive, e.g. --partitions 2024-03-01..2024-03-31.',
      detail: { field: 'partitions' },
    });
  }
  return { from, to };
}

export function formatPartitionRange(range: PartitionRange): string {
  return `${range.from}..${range.to}`;
}

interface PartitionColumn {
  model: string;
  table: string;
  column: string;
  type: string;
}

/**
 * Checks `range` against the partition column of every selected partitioned incremental model
 * that is already published (only those can be backfilled): throws INVALID_INPUT naming the
 * argument when an end is not a value of the column's type, or when FROM comes after TO.
 */
export async function validatePartitionRange(conn: SqlConnection, graph: PipelineGraph, selection: string, range: PartitionRange): Promise<void> {
  const text = formatPartitionRange(range);
  for (const key of selectModels(graph, selection)) {
    const def = graph.nodes.get(key)?.def;
    if (!def || def.config.materialization !== 'incremental' || def.config.partition_by === undefined) continue;
    const found = await partitionColumn(conn, def.id, def.layer, def.name, def.config.partition_by);
    if (!found) continue;
    const cast = `TRY_CAST(? AS ${found.type})`;
    const row = await conn.one<{ bad_from: boolean; bad_to: boolean; reversed: boolean | null }>(
      `SELECT ${cast} IS NULL AS bad_from, ${cast} IS NULL AS bad_to, ${cast} > ${cast} AS reversed`,
      [range.from, range.to, range.from, range.to],
    );
    const bad = row?.bad_from ? range.from : row?.bad_to ? range.to : undefined;
    if (bad !== undefined) {
      throw new IngotError('INVALID_INPUT', `--partitions ${text}: "${bad}" is not a ${found.type}, the type of ${found.model}'s partition column ${found.column}.`, {
        hint: `${await heldRange(conn, found)}Give two ${found.type} values, first and last partition to rebuild, inclusive${exampleFor(found.type)}.`,
        detail: { field: 'partitions' },
      });
    }
    if (row?.reversed === true) {
      throw new IngotError('INVALID_INPUT', `--partitions ${text} starts after it ends: ${range.from} comes after ${range.to}.`, {
        hint: `Give the first partition first: --partitions ${range.to}..${range.from}.`,
        detail: { field: 'partitions' },
      });
    }
  }
}

/** The published partition column of a model, with its DuckDB type; undefined when not published. */
async function partitionColumn(conn: SqlConnection, model: string, layer: string, name: string, column: string): Promise<PartitionColumn | undefined> {
  const row = await conn.one<{ column_name: string; data_type: string }>(
    `SELECT column_name, data_type FROM duckdb_columns()
     WHERE lower(schema_name) = lower(?) AND lower(table_name) = lower(?) AND lower(column_name) = lower(?)`,
    [layer, name, column],
  );
  return row ? { model, table: qualified(layer, name), column: row.column_name, type: row.data_type } : undefined;
}

/** "gold.daily holds order_date from A to B. " — the partitions there are, as a guide. */
async function heldRange(conn: SqlConnection, p: PartitionColumn): Promise<string> {
  const row = await conn.one<{ lo: string | null; hi: string | null }>(`SELECT min(${ident(p.column)})::VARCHAR AS lo, max(${ident(p.column)})::VARCHAR AS hi FROM ${p.table}`);
  return row?.lo != null && row.hi != null ? `${p.model} holds ${p.column} from ${row.lo} to ${row.hi}. ` : '';
}

function exampleFor(type: string): string {
  if (type === 'DATE') return ', e.g. --partitions 2024-03-01..2024-03-31';
  if (type.startsWith('TIMESTAMP')) return ', e.g. --partitions "2024-03-01 00:00..2024-03-31 23:00"';
  return '';
}
