// Numbered schema migrations for the workspace database. Each area owns a number range so
// migrations never collide: 001–009 core, 010–019 ingest, 020–029 pipeline, 030–039 quality,
// 040–049 http sources, 050–059 capacity. A migration runs once, inside one transaction.
import type { SqlConnection } from '../connection.js';
import { core } from './001-core.js';
import { ingestBatches } from './010-batches.js';
import { rowNumbering } from './011-row-numbering.js';
import { rejectRecords } from './012-reject-records.js';
import { readDateFormats } from './013-read-date-formats.js';
import { pipelineRuns } from './020-pipeline-runs.js';
import { pipelineState } from './021-pipeline-state.js';
import { runModelReasons } from './022-run-model-reasons.js';
import { qualityResults } from './030-quality-results.js';
import { quarantineLog } from './031-quarantine.js';
import { anomalyMetrics } from './032-anomaly-metrics.js';
import { quarantineReleases } from './033-quarantine-releases.js';
import { httpState } from './040-http-state.js';
import { httpCheckpoints } from './041-http-checkpoints.js';

export interface Migration {
  version: number;
  name: string;
  up: string;
}

/** Every migration, in any order; `migrate` sorts by version. Register new ones here. */
export const MIGRATIONS: readonly Migration[] = [core, ingestBatches, rowNumbering, rejectRecords, readDateFormats, pipelineRuns, pipelineState, runModelReasons, qualityResults, quarantineLog, anomalyMetrics, quarantineReleases, httpState, httpCheckpoints];

/** The internal metadata schema. */
export const META = '_ingot';

/** Applies the migrations the database has not seen yet. Returns the versions applied. */
export async function migrate(conn: SqlConnection, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  const seen = new Set<number>();
  for (const m of sorted) {
    if (seen.has(m.version)) throw new Error(`two migrations share version ${m.version}`);
    seen.add(m.version);
  }
  await conn.run(`CREATE SCHEMA IF NOT EXISTS ${META}`);
  await conn.run(
    `CREATE TABLE IF NOT EXISTS ${META}.migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)`,
  );
  const done = new Set((await conn.all<{ version: number }>(`SELECT version FROM ${META}.migrations`)).map((r) => r.version));
  const applied: number[] = [];
  for (const m of sorted) {
    if (done.has(m.version)) continue;
    await conn.transaction(async (tx) => {
      await tx.run(m.up);
      await tx.run(`INSERT INTO ${META}.migrations (version, name) VALUES (?, ?)`, [m.version, m.name]);
    });
    applied.push(m.version);
  }
  return applied;
}
