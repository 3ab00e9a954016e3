// Writes one batch into bronze.<source>: creates or reconciles the table (drift), appends rows
// with one INSERT … SELECT carrying the lineage columns, then numbers the rows of each file (now,
// or after the load commits: see row-numbers.ts). Row numbers come from the order DuckDB appended
// the rows in (insertion order is preserved), so the load itself stays one parallel scan.
import { IngotError } from '../../shared/errors.js';
import type { ColumnInfo, SqlConnection } from '../db/connection.js';
import { ident, literal, qualified, sqlValue } from '../db/sql.js';
import { applyDrift, planDrift } from './drift.js';
import type { BronzeWriter, InsertOptions } from './land-context.js';
import { LINEAGE_COLUMNS, isLineageColumn } from './lineage.js';
import { collectRejects } from './rejects.js';
import { numberFileRows } from './row-numbers.js';
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
  const unnumbered = new Map<string, number | null>();
  let created = false;

  const create = async (columns: readonly ColumnInfo[]): Promise<void> => {
    const lineage = LINEAGE_COLUMNS.map((c) => `${ident(c.name)} ${c.type}${c.storage ? ` ${c.storage}` : ''}`);
    const defs = [...columns.map((c) => `${ident(c.name)} ${c.type}`), ...lineage].join(', ');
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
    const plan = await planDrift(conn, existing, incoming, target.policy, origin, { name: `bronze.${source}`, relation: table });
    await applyDrift(conn, table, plan);
    for (const change of plan.changes) if (!drift.some((d) => d.column === change.column && d.change === change.change)) drift.push(change);
    return plan.read;
  };

  const insert = async (relation: string, sourceFile: string, options: InsertOptions = {}): Promise<{ loaded: number; rejected: number }> => {
    const { rejects, numberAfterCommit, ...runOptions } = options;
    const lineage = `${sqlValue(batchId)} AS _batch_id, ${literal(sourceFile)} AS _source_file, ${sqlValue(target.loadedAt)} AS _loaded_at`;
    const loaded = await conn.run(`INSERT INTO ${table} BY NAME SELECT *, ${lineage} FROM ${relation}`, undefined, runOptions);
    const rejected = rejects ? await collectRejects(conn, rejects, { batchId, source, file: sourceFile }) : 0;
    if (numberAfterCommit) unnumbered.set(sourceFile, rejects?.lineOffset ?? null);
    else await numberFileRows(conn, table, batchId, sourceFile, rejects && rejected > 0 ? rejects.lineOffset : null);
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
    unnumbered,
  };
}
