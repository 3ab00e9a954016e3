// Preview: what DuckDB makes of a file (sniffed dialect, column types, the first rows) without
// loading it into a table. Rows leave as Arrow; rows of the previewed part that do not parse
// are listed with their line and error (for NDJSON, lines that are not JSON too). Options the file's format does not take are refused by
// the rule that validates a source YAML.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stat } from 'node:fs/promises';
import { IngotError } from '../../shared/errors.js';
import type { SqlConnection } from '../db/connection.js';
import { openDatabase } from '../db/duckdb.js';
import { ident } from '../db/sql.js';
import { withOverrides } from './file/column-overrides.js';
import { FileFormatOptionsSchema, type FileFormatOptions } from './file/file-options.js';
import { FileSourceSchema } from './file/file-source.js';
import type { FileFormat, FormatContext, KeptDateFormats, RejectTables } from './file/format.js';
import { resolveFormat } from './file/formats/index.js';
import { loadError } from './file/load-error.js';
import { REJECTED_RECORDS } from './rejects.js';
import type { PreviewResult } from './types.js';

export interface PreviewSettings {
  /** Rows to return; 100 by default. */
  limit?: number;
  /** Where converted copies go (xlsx); a temp folder by default. */
  cacheDir?: string;
  /** The name shown in messages; the path by default. */
  displayName?: string;
  /** A source's `columns:` type overrides, applied as a load would. */
  columns?: Record<string, string>;
  /** The date/timestamp formats the source's earlier files were read with, which a load of this file keeps. */
  keptDateFormats?: KeptDateFormats;
  signal?: AbortSignal;
}

let previewCounter = 0;

/** Previews the file at `path` (absolute) with format options as in a source YAML. */
export async function previewFile(conn: SqlConnection, path: string, options: FileFormatOptions | Record<string, unknown> = {}, settings: PreviewSettings = {}): Promise<PreviewResult> {
  const parsed = FileFormatOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    throw new IngotError('INVALID_INPUT', `Invalid preview option ${field}: ${issue?.message ?? 'invalid value'}.`, { detail: { field } });
  }
  const opts = parsed.data;
  const displayName = settings.displayName ?? path;
  const limit = settings.limit ?? 100;
  const info = await stat(path).catch(() => undefined);
  if (!info) {
    const where = displayName === path ? 'Check the path.' : `Ingot looked for ${path}. Relative paths start at the workspace folder.`;
    throw new IngotError('NOT_FOUND', `File not found: ${displayName}.`, { hint: where, detail: { file: displayName } });
  }
  if (info.isDirectory()) throw new IngotError('NOT_FOUND', `Cannot read ${displayName}: it is a folder, not a file.`, { hint: 'Preview one file of the folder.', detail: { file: displayName } });
  const format = resolveFormat(path, opts.format, { file: displayName });
  refuseForeignOptions(options, format, path, displayName);
  const context: FormatContext = {
    conn,
    cacheDir: settings.cacheDir ?? join(tmpdir(), 'ingot-preview'),
    displayName,
    maxRows: limit,
    ...(settings.signal ? { signal: settings.signal } : {}),
    ...(settings.keptDateFormats ? { keptDateFormats: settings.keptDateFormats } : {}),
  };
  const id = `${process.pid}_${++previewCounter}`;
  const tables = { errors: `ingot_preview_rejects_${id}`, scans: `ingot_preview_scans_${id}` };
  try {
    return await previewInspected(conn, format, path, opts, context, tables, { ...settings, limit });
  } catch (err) {
    // A malformed NDJSON line: preview the other lines and list that one, as ingest loads such a file.
    if (!(err instanceof IngotError) || err.detail?.malformedLine !== true) throw err;
    return previewInspected(conn, format, path, opts, { ...context, malformedLineRejects: tables }, tables, { ...settings, limit });
  }
}

/** One attempt at a preview: inspects the file, reads its first rows and what was rejected. */
async function previewInspected(
  conn: SqlConnection,
  format: FileFormat,
  path: string,
  opts: FileFormatOptions,
  context: FormatContext,
  tables: RejectTables,
  settings: PreviewSettings & { limit: number },
): Promise<PreviewResult> {
  const { displayName } = context;
  const { limit } = settings;
  const inspected = await format.inspect(context, path, opts);
  const rejects = inspected.storesRejects ? tables : undefined;
  try {
    const columns = withOverrides(inspected.columns, settings.columns ?? {});
    const rows = await conn.arrow(`SELECT * FROM ${inspected.relation(columns, rejects)} LIMIT ${limit}`, undefined, settings.signal ? { signal: settings.signal } : {});
    // Rejects Ingot stored itself (malformed NDJSON lines) have no byte position: only DuckDB's are located.
    const listRejects = (start: string) =>
      conn.all<{ line: number | null; start: number | null; column: string | null; error: string }>(
        `SELECT line, ${start} AS start, column_name AS "column", error_message AS error FROM ${ident(tables.errors)} ORDER BY line LIMIT 100`,
      );
    const found = rejects ? await listRejects('line_byte_position::BIGINT').catch(() => listRejects('NULL::BIGINT')).catch(() => []) : [];
    // DuckDB's line counts records; the file line differs after a quoted value that spans lines (as a load says it).
    const starts = found.flatMap((r) => (r.start === null ? [] : [Number(r.start)]));
    const located = inspected.locateRecords && starts.length > 0 ? await inspected.locateRecords(starts).catch(() => undefined) : undefined;
    const bad = found.map(({ line, start, column, error }) => ({ line: (start !== null ? located?.get(Number(start))?.line : undefined) ?? line, column, error }));
    const encoding = rejects && bad.length > 0 ? await encodingWarning(conn, rejects.errors, displayName) : undefined;
    const dialect = inspected.dialect;
    const headerOnly = dialect?.header === true && rows.rowCount === 0 && bad.length === 0 ? `${displayName}:${dialect.skipRows + 1}: the file has a header row but no data rows; there is nothing to load.` : undefined;
    const warnings = [...inspected.warnings, ...(encoding ? [encoding] : []), ...(headerOnly ? [headerOnly] : [])];
    return { format: inspected.format, dialect, columns, rows, rejects: bad, warnings };
  } catch (err) {
    throw loadError(err, displayName, 'Cannot preview', { malformedLinesRejectable: inspected.format === 'ndjson' && !inspected.filledRejects });
  } finally {
    await conn.run(`DROP TABLE IF EXISTS ${ident(tables.errors)}; DROP TABLE IF EXISTS ${ident(tables.scans)}`).catch(() => 0);
    await inspected.dispose?.();
  }
}

/** Throws INVALID_INPUT for the first option `format` does not take (`skip` on an .xlsx file), as a source YAML would. */
function refuseForeignOptions(options: FileFormatOptions | Record<string, unknown>, format: FileFormat, path: string, displayName: string): void {
  const checked = FileSourceSchema.safeParse({ ...options, path, format: format.name });
  const issue = checked.success ? undefined : checked.error.issues[0];
  if (!issue) return;
  const field = issue.path.join('.');
  const takes = format.options.length > 0 ? `${format.name} files take only ${format.options.join(', ')}` : `${format.name} files take no format options`;
  throw new IngotError('INVALID_INPUT', `Cannot preview ${displayName}: ${field}: ${issue.message}.`, {
    hint: `Leave out ${field}; ${takes}.`,
    detail: { file: displayName, field },
  });
}

/** The hint ingest gives too, when previewed rows were rejected as invalid UTF-8: the file probably has another encoding. */
async function encodingWarning(conn: SqlConnection, errorsTable: string, displayName: string): Promise<string | undefined> {
  const row = await conn
    .one<{ n: number; line: number | null }>(
      `SELECT ${REJECTED_RECORDS}::INTEGER AS n, min(line) AS line FROM ${ident(errorsTable)} WHERE error_type = 'INVALID ENCODING'`,
    )
    .catch(() => undefined);
  const n = Number(row?.n ?? 0);
  if (n === 0) return undefined;
  const what = n === 1 ? '1 previewed row is' : `${n.toLocaleString('en-US')} previewed rows are`;
  const where = row?.line != null ? `${displayName}:${row.line}` : displayName;
  return `${where}: ${what} not valid UTF-8; if the file is Latin-1 (or UTF-16), preview it with \`--encoding latin-1\` (or utf-16), and set \`encoding:\` in its source before loading it.`;
}

/** Previews a file outside any workspace, on a throwaway in-memory database. */
export async function previewStandalone(path: string, options: Record<string, unknown>, settings: PreviewSettings = {}): Promise<PreviewResult> {
  const db = await openDatabase(':memory:');
  try {
    return await db.withConnection((conn) => previewFile(conn, path, options, settings));
  } finally {
    db.close();
  }
}
