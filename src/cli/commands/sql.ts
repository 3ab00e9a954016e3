// `ingot sql "<query>"`: runs a read-only query on the workspace and prints an aligned table
// (the first rows, saying how many more there are), JSON rows with --json, or writes every row
// to a CSV/JSON/Parquet file with --out through DuckDB's COPY. Errors point at the SQL position.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { IngotError } from '../../shared/errors.js';
import { decodeRows } from '../../engine/query/arrow-values.js';
import { EXPORT_FORMATS, exportQuery, formatForPath, type ExportFormat } from '../../engine/query/export-query.js';
import type { OwnedPaths } from '../../engine/workspace/owned-places.js';
import { countQueryRows, runQuery } from '../../engine/query/run-query.js';
import type { SqlConnection } from '../../engine/db/connection.js';
import { workspacePaths } from '../../engine/workspace/workspace.js';
import { globals, output, textTable, withWorkspace } from '../context.js';

/** Rows shown on screen unless --limit says otherwise. */
const DISPLAY_ROWS = 100;

interface SqlOptions {
  limit?: number;
  format?: string;
  out?: string;
  write?: boolean;
}

export function registerSql(program: Command): void {
  program
    .command('sql <query>')
    .description('run SQL on the workspace: a table of the first rows, every row as JSON with --json, or a file with --out')
    .option('--limit <rows>', `rows to print (default ${DISPLAY_ROWS}; with --json all rows)`, parseRows)
    .option('--out <file>', 'write every row to FILE through DuckDB COPY')
    .option('--format <format>', `file format for --out: ${EXPORT_FORMATS.join(', ')} (default: from the file name)`)
    .option('--write', 'allow statements that change data (CREATE, INSERT, …) and several statements at once')
    .addHelpText('after', `
Examples:
  ingot sql "SELECT status, count(*) FROM bronze.orders GROUP BY ALL"
  ingot sql "SELECT * FROM _ingot.rejects" --json
  ingot sql "SELECT * FROM gold.daily_revenue" --out revenue.parquet`)
    .action(async (query: string, opts: SqlOptions, cmd: Command) => {
      const controller = new AbortController();
      const cancel = (): void => controller.abort();
      process.once('SIGINT', cancel);
      try {
        // Read-only unless writing; a workspace whose database is not built yet (a fresh clone) opens
        // read-write once to create it. Either way a query runs in a READ ONLY transaction.
        const readOnly = !opts.write && existsSync(workspacePaths(globals(cmd).workspace).database);
        await withWorkspace(cmd, (ws) => ws.db.withConnection((conn) => runSql(cmd, conn, query, opts, controller.signal, ws.paths)), { readOnly });
      } catch (err) {
        throw globals(cmd).json ? err : withSqlExcerpt(err);
      } finally {
        process.removeListener('SIGINT', cancel);
      }
    });
}

async function runSql(cmd: Command, conn: SqlConnection, query: string, opts: SqlOptions, signal: AbortSignal, workspace: OwnedPaths): Promise<void> {
  if (opts.out !== undefined || opts.format !== undefined) {
    const format = exportFormat(opts);
    const written = await exportQuery(conn, query, format, opts.out as string, { signal, workspace });
    const rows = `${written.rowCount.toLocaleString('en-US')} ${written.rowCount === 1 ? 'row' : 'rows'}`;
    output(cmd, { ok: true, ...written }, () => `Wrote ${rows} to ${written.path} (${format}, ${sizeText(written.bytes)}).`);
    return;
  }
  const json = globals(cmd).json === true;
  const limit = opts.limit ?? (json ? undefined : DISPLAY_ROWS);
  const result = await runQuery(conn, query, { signal, allowWrite: opts.write === true, ...(limit !== undefined ? { limit } : {}) });
  const { columns, rows } = decodeRows(result.ipc);
  const limited = limit !== undefined && result.rowCount === limit && result.statementType === 'SELECT';
  if (json) {
    const objects = rows.map((row) => Object.fromEntries(columns.map((name, c) => [name, row[c]])));
    output(cmd, { ok: true, columns: result.columns, rows: objects, rowCount: result.rowCount, truncated: limited }, () => '');
    return;
  }
  const total = limited && !opts.write ? await countQueryRows(conn, query, { signal }) : result.rowCount;
  output(cmd, null, () => {
    const table = textTable(columns, rows.map((row) => row.map(displayValue)));
    const more = total - result.rowCount;
    const footer =
      more > 0
        ? `(${total.toLocaleString('en-US')} rows; showing the first ${result.rowCount.toLocaleString('en-US')}, ${more.toLocaleString('en-US')} more — use --limit N, or --out FILE for all)`
        : `(${result.rowCount.toLocaleString('en-US')} ${result.rowCount === 1 ? 'row' : 'rows'})`;
    return `${table}\n${footer}`;
  });
}

function exportFormat(opts: SqlOptions): ExportFormat {
  if (opts.out === undefined) {
    throw new IngotError('INVALID_INPUT', '--format needs --out FILE to say where to write the rows.', { hint: 'e.g. ingot sql "SELECT …" --out orders.parquet' });
  }
  const format = opts.format ?? formatForPath(opts.out);
  if (format === undefined || !EXPORT_FORMATS.includes(format as ExportFormat)) {
    throw new IngotError('INVALID_INPUT', opts.format ? `Unknown export format "${opts.format}".` : `Cannot tell the file format from "${opts.out}".`, {
      hint: `Pass --format ${EXPORT_FORMATS.join('|')}, or name the file .csv, .json or .parquet.`,
      detail: { field: 'format' },
    });
  }
  return format as ExportFormat;
}

function parseRows(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new IngotError('INVALID_INPUT', `--limit must be a whole number of rows, 1 or more (got "${value}").`, { detail: { field: 'limit' } });
  }
  return n;
}

/** BLOBs as DuckDB prints them (printable ASCII kept, other bytes as \xHH). */
function displayValue(value: unknown): unknown {
  if (!(value instanceof Uint8Array)) return value;
  let text = '';
  for (const byte of value) text += byte >= 0x20 && byte < 0x7f && byte !== 0x5c ? String.fromCharCode(byte) : `\\x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return text;
}

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Adds the offending SQL line and a caret under the error position to a SQL error's message. */
function withSqlExcerpt(err: unknown): unknown {
  if (!(err instanceof IngotError) || err.code !== 'SQL_ERROR') return err;
  const { sql, line, column } = err.detail ?? {};
  if (typeof sql !== 'string' || typeof line !== 'number' || typeof column !== 'number') return err;
  const text = sql.split('\n')[line - 1];
  if (text === undefined) return err;
  const excerpt = `\n  ${text}\n  ${' '.repeat(Math.max(0, column - 1))}^`;
  return new IngotError(err.code, `${err.message}${excerpt}`, {
    ...(err.hint !== undefined ? { hint: err.hint } : {}),
    ...(err.detail !== undefined ? { detail: err.detail } : {}),
    cause: err,
  });
}
