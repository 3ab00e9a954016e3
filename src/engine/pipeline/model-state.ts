// What the pipeline remembers about each published model (_ingot.model_state): the parts of its
// fingerprint, the version (id of the run that last changed its data) downstream models record
// as a watermark, and from which version its change log is complete.
import type { SqlConnection } from '../db/connection.js';

export interface ModelState {
  /** Model key, e.g. `silver.stg_orders`. */
  model: string;
  layer: string;
  name: string;
  materialization: string;
  fingerprint: string;
  sqlHash: string;
  configHash: string;
  /** Input key → the input's version string when this model was last built. */
  inputs: Record<string, string>;
  version: number;
  /** The run that last rebuilt this model completely. */
  fullVersion: number;
  /** The change log holds every change made after this version; null when no log is kept. */
  changeLogSince: number | null;
  rowCount: number | null;
  builtAt: Date;
}

interface StateRow {
  [key: string]: unknown;
  model: string;
  layer: string;
  name: string;
  materialization: string;
  fingerprint: string;
  sql_hash: string;
  config_hash: string;
  inputs: string;
  version: number;
  full_version: number;
  change_log_since: number | null;
  row_count: number | null;
  built_at: Date;
}

/** Every model's state, by model key. */
export async function readModelStates(conn: SqlConnection): Promise<Map<string, ModelState>> {
  const rows = await conn.all<StateRow>('SELECT * EXCLUDE (inputs), inputs::VARCHAR AS inputs FROM _ingot.model_state');
  return new Map(
    rows.map((r) => [
      r.model,
      {
        model: r.model,
        layer: r.layer,
        name: r.name,
        materialization: r.materialization,
        fingerprint: r.fingerprint,
        sqlHash: r.sql_hash,
        configHash: r.config_hash,
        inputs: JSON.parse(r.inputs) as Record<string, string>,
        version: Number(r.version),
        fullVersion: Number(r.full_version),
        changeLogSince: r.change_log_since === null ? null : Number(r.change_log_since),
        rowCount: r.row_count === null ? null : Number(r.row_count),
        builtAt: r.built_at,
      },
    ]),
  );
}

/** Inserts or replaces one model's state; call it in the transaction that publishes the model. */
export async function writeModelState(tx: SqlConnection, s: Omit<ModelState, 'builtAt'>): Promise<void> {
  await tx.run(
    `INSERT OR REPLACE INTO _ingot.model_state
       (model, layer, name, materialization, fingerprint, sql_hash, config_hash, inputs, version, full_version, change_log_since, row_count, built_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?::JSON, ?, ?, ?, ?, current_timestamp)`,
    [s.model, s.layer, s.name, s.materialization, s.fingerprint, s.sqlHash, s.configHash, JSON.stringify(s.inputs), s.version, s.fullVersion, s.changeLogSince, s.rowCount],
  );
}
