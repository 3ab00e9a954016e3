// Writes one batch into bronze.<source>: creates or reconciles the table (drift), appends rows
// with one INSERT … SELECT carrying the lineage columns, then numbers the rows of each file.
// Row numbers come from the order DuckDB appended them in (insertion order is preserved), so the
// load itself stays one parallel scan; rows after a rejected record are shifted past it.
import { IngotError } from '../../shared/errors.js';
import type { ColumnInfo, RunOptions, SqlConnection } from '../db/connection.js';
import { ident, literal, qualified, sqlValue } from '../db/sql.js';
import { applyDrift, planDrift } from './drift.js';
import type { BronzeWriter, RejectScan } from './land-context.js';
import { LINEAGE_COLUMNS, isLineageColumn } from './lineage.js';
import { collectRejects } from './rejects.js';
import type { DriftPolicy } from './source-schema.js';
import type { DriftChange } from './types.js';

export interface BronzeTarget {
  conn: SqlConnection;
  source: string;
  batchId: number;
  loadedAt: Date;
  replace: boolean;
  policy: DriftPolicy;
}

/** Columns of bronze.<source> without the lineage columns, or null if the table does not exist. */
export async function bronzeColumns(conn: SqlConnection, source: string): Promise<ColumnInfo[] | null> {
  const rows = await conn.all<{ name: string; type: string }>(
    `SELECT column_name AS name, data_type AS type FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'bronze' AND table_name = ? ORDER BY column_index`,
    [source],
  );
  if (rows.length === 0) return null;
  return rows.filter((r) => !isLineageColumn(r.name)).map((r) => ({ name: r.name, type: r.type }));
}

export function createBronzeWriter(target: BronzeTarget): BronzeWriter {
  const { conn, source, batchId } = target;
  const table = qualified('bronze', source);
  const drift: DriftChange[] = [];
  let created = false;

  const create = async (columns: readonly ColumnInfo[]): Promise<void> => {
    const defs = [...columns, ...LINEAGE_COLUMNS].map((c) => `${ident(c.name)} ${c.type}`).join(', ');
    await conn.run(`CREATE ${target.replace ? 'OR REPLACE ' : ''}TABLE ${table} (${defs})`);
    created = true;
  };

  const prepare = async (incoming: readonly ColumnInfo[], origin: string): Promise<ColumnInfo[]> => {
    const reserved = incoming.find((c) => isLineageColumn(c.name));
    if (reserved) {
      throw new IngotError('INGEST_FAILED', `${origin} has a column named "${reserved.name}", which Ingot reserves for lineage.`, {
        hint: 'Rename the column in the file; bronze tables add _batch_id, _source_file, _row_number and _loaded_at themselves.',
        detail: { file: origin, columnName: reserved.name },
      });
    }
    const existing = target.replace && !created ? null : await bronzeColumns(conn, source);
    if (existing === null) {
      await create(incoming);
      return [...incoming];
    }
    const plan = await planDrift(conn, existing, incoming, target.policy, origin, `bronze.${source}`);
    await applyDrift(conn, table, plan);
    for (const change of plan.changes) if (!drift.some((d) => d.column === change.column && d.change === change.change)) drift.push(change);
    return plan.read;
  };

  const numberRows = async (sourceFile: string, rejects: RejectScan | undefined, rejected: number): Promise<void> => {
    const whereOf = (alias: string): string => `${alias}_batch_id = ${sqlValue(batchId)} AND ${alias}_source_file = ${literal(sourceFile)}`;
    const where = whereOf('');
    const first = await conn.one<{ r: bigint | number | null }>(`SELECT min(rowid) AS r FROM ${table} WHERE ${where}`);
    if (first?.r === null || first?.r === undefined) return;
    const ordinal = `(rowid - ${String(first.r)} + 1)`;
    if (!rejects || rejected === 0) {
      await conn.run(`UPDATE ${table} SET _row_number = ${ordinal} WHERE ${where}`);
      return;
    }
    // Loaded row k is data record k + m, where m counts rejected records j_i with j_i - i < k.
    const gaps = `(SELECT lo, lead(lo, 1, 9223372036854775807) OVER (ORDER BY m) AS hi, m FROM (
        SELECT j - row_number() OVER (ORDER BY j) AS lo, row_number() OVER (ORDER BY j) AS m
        FROM (SELECT DISTINCT line - ${sqlValue(rejects.lineOffset)} AS j FROM _ingot.rejects
              WHERE batch_id = ${sqlValue(batchId)} AND file = ${literal(sourceFile)} AND line IS NOT NULL)))`;
    await conn.run(`UPDATE ${table} SET _row_number = ${ordinal} WHERE ${where}`);
    await conn.run(
      `UPDATE ${table} AS t SET _row_number = t._row_number + g.m FROM ${gaps} AS g WHERE ${whereOf('t.')} AND t._row_number > g.lo AND t._row_number <= g.hi`,
    );
  };

  const insert = async (relation: string, sourceFile: string, options: RunOptions & { rejects?: RejectScan } = {}): Promise<{ loaded: number; rejected: number }> => {
    const { rejects, ...runOptions } = options;
    const lineage = `${sqlValue(batchId)} AS _batch_id, ${literal(sourceFile)} AS _source_file, ${sqlValue(target.loadedAt)} AS _loaded_at`;
    const loaded = await conn.run(`INSERT INTO ${table} BY NAME SELECT *, ${lineage} FROM ${relation}`, undefined, runOptions);
    const rejected = rejects ? await collectRejects(conn, rejects, { batchId, source, file: sourceFile }) : 0;
    await numberRows(sourceFile, rejects, rejected);
    return { loaded, rejected };
  };

  return {
    table,
    prepare,
    insert,
    columns: async () => (await bronzeColumns(conn, source)) ?? [],
    get drift() {
      return drift;
    },
  };
}
