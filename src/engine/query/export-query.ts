// Writes a query's result to a CSV, JSON or Parquet file with DuckDB's COPY: rows never pass
// through JS. The file appears whole or not at all: DuckDB writes a temporary file next to the
// target, which is renamed into place only when COPY has succeeded.
import { existsSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { IngotError } from '../../shared/errors.js';
import type { SqlConnection } from '../db/connection.js';
import { literal } from '../db/sql.js';
import { ownedPlaceOf, type OwnedPaths } from '../workspace/owned-places.js';
import { readOnly } from './read-only.js';
import { relocate } from './relocate-error.js';
import { checkStatements } from './statements.js';

export const EXPORT_FORMATS = ['csv', 'json', 'parquet'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** COPY options per format: CSV with a header, JSON as one array of objects, Parquet zstd-compressed. */
const COPY_OPTIONS: Record<ExportFormat, string> = {
  csv: 'FORMAT csv, HEADER true',
  json: 'FORMAT json, ARRAY true',
  parquet: 'FORMAT parquet, COMPRESSION zstd',
};

export interface ExportResult {
  /** Absolute path of the written file. */
  path: string;
  format: ExportFormat;
  rowCount: number;
  bytes: number;
}

/** The export format a file name implies (`.csv`, `.json`, `.parquet`/`.pq`), if any. */
export function formatForPath(path: string): ExportFormat | undefined {
  const ext = /\.([A-Za-z]+)$/.exec(path)?.[1]?.toLowerCase();
  if (ext === 'pq') return 'parquet';
  return EXPORT_FORMATS.find((f) => f === ext);
}

/** Runs one read-only query and writes its rows to `outPath` in `format`; never into the workspace's own files (`workspace`). */
export async function exportQuery(
  conn: SqlConnection,
  sql: string,
  format: ExportFormat,
  outPath: string,
  options: { signal?: AbortSignal; workspace?: OwnedPaths } = {},
): Promise<ExportResult> {
  if (!EXPORT_FORMATS.includes(format)) {
    throw new IngotError('INVALID_INPUT', `Cannot export as "${String(format)}".`, { hint: `Choose one of: ${EXPORT_FORMATS.join(', ')}.`, detail: { field: 'format' } });
  }
  const [type] = await checkStatements(conn, sql, false);
  if (type !== 'SELECT') {
    throw new IngotError('INVALID_INPUT', `Only a query's rows can be exported, not the output of ${type}.`, { hint: 'Export a SELECT.', detail: { sql } });
  }
  const target = resolve(outPath);
  const owned = options.workspace ? ownedPlaceOf(target, options.workspace) : undefined;
  if (owned !== undefined) {
    throw new IngotError('INVALID_INPUT', `${target} is ${owned.where}, where ${owned.why}; a query's rows do not belong there.`, {
      hint: `Write them outside the workspace's own files, e.g. \`--out exports/${basename(target)}\`.`,
      detail: { file: target },
    });
  }
  if (!existsSync(dirname(target))) {
    throw new IngotError('NOT_FOUND', `The folder ${dirname(target)} does not exist.`, { hint: 'Create it first or choose another output path.', detail: { file: target } });
  }
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.ingot-tmp`);
  try {
    const copy = `COPY (SELECT * FROM query(${literal(sql)})) TO ${literal(temp)} (${COPY_OPTIONS[format]})`;
    const rowCount = await readOnly(conn, sql, () =>
      conn.run(copy, undefined, options.signal ? { signal: options.signal } : {}).catch((err: unknown) => {
        throw relocate(err, copy, sql);
      }),
    );
    await rename(temp, target);
    return { path: target, format, rowCount, bytes: (await stat(target)).size };
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}
