// `ingot preview <file>`: what DuckDB makes of a file before loading it: the sniffed dialect,
// the column types and the first rows (plus rows of that part that would be rejected).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { sourceKind } from '../../engine/ingest/kinds.js';
import { previewStandalone } from '../../engine/ingest/preview.js';
import { loadSource, sourceExists } from '../../engine/ingest/sources.js';
import type { CsvDialect, PreviewResult } from '../../engine/ingest/types.js';
import { decodeRows } from '../../engine/query/arrow-values.js';
import { workspacePaths } from '../../engine/workspace/workspace.js';
import { IngotError } from '../../shared/errors.js';
import { globals, output, textTable, withWorkspace } from '../context.js';

interface PreviewOptions {
  format?: string;
  delimiter?: string;
  quote?: string;
  escape?: string;
  header?: boolean;
  encoding?: string;
  dateFormat?: string;
  timestampFormat?: string;
  decimalSeparator?: string;
  thousandsSeparator?: string;
  skip?: string;
  null?: string[];
  sheet?: string;
  limit?: string;
}

function formatOptions(o: PreviewOptions): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (o.format !== undefined) out.format = o.format;
  if (o.delimiter !== undefined) out.delimiter = o.delimiter === '\\t' ? '\t' : o.delimiter;
  if (o.quote !== undefined) out.quote = o.quote;
  if (o.escape !== undefined) out.escape = o.escape;
  if (o.header !== undefined) out.header = o.header;
  if (o.encoding !== undefined) out.encoding = o.encoding;
  if (o.dateFormat !== undefined) out.date_format = o.dateFormat;
  if (o.timestampFormat !== undefined) out.timestamp_format = o.timestampFormat;
  if (o.decimalSeparator !== undefined) out.decimal_separator = o.decimalSeparator;
  if (o.thousandsSeparator !== undefined) out.thousands_separator = o.thousandsSeparator;
  if (o.skip !== undefined) out.skip = Number(o.skip);
  if (o.null !== undefined) out.null_strings = o.null;
  if (o.sheet !== undefined) out.sheet = /^\d+$/.test(o.sheet) ? Number(o.sheet) : o.sheet;
  return out;
}

function dialectText(d: CsvDialect): string {
  const show = (s: string): string => JSON.stringify(s);
  return `dialect: delimiter ${show(d.delimiter)}, quote ${show(d.quote)}, escape ${show(d.escape)}, header ${d.header ? 'yes' : 'no'}, skip ${d.skipRows}, encoding ${d.encoding}${d.dateFormat ? `, dates ${d.dateFormat}` : ''}${d.timestampFormat ? `, timestamps ${d.timestampFormat}` : ''}`;
}

export function registerPreview(program: Command): void {
  program
    .command('preview <file-or-source>')
    .description("show the sniffed dialect, column types and first rows of a file (or of a source's first file, with its options) without loading it")
    .option('--format <format>', 'csv, tsv, parquet, json, ndjson or xlsx (default: from the extension)')
    .option('--delimiter <char>', 'field delimiter (\\t for tab)')
    .option('--quote <char>', 'quote character ("" for none)')
    .option('--escape <char>', 'escape character inside quotes')
    .option('--header', 'the first row is a header')
    .option('--no-header', 'the first row is data')
    .option('--encoding <name>', 'utf-8, latin-1 or utf-16')
    .option('--date-format <fmt>', 'date format, e.g. %d/%m/%Y')
    .option('--timestamp-format <fmt>', 'timestamp format, e.g. "%d/%m/%Y %H:%M"')
    .option('--decimal-separator <char>', '"." or ","')
    .option('--thousands-separator <char>', '".", ",", " " or "\'" (for 1.234,56 also --decimal-separator ",")')
    .option('--skip <n>', 'lines to skip before the header')
    .option('--null <strings...>', 'strings that mean NULL')
    .option('--sheet <name>', 'Excel sheet name or 1-based position')
    .option('--limit <n>', 'rows to show (default 100)')
    .addHelpText('after', `
Examples:
  ingot preview data/orders.csv
  ingot preview data/eu.csv --delimiter ";" --decimal-separator "," --thousands-separator "."
  ingot preview data/book.xlsx --sheet Orders
  ingot preview orders              a source: its first file, read with the source's options`)
    .action(async (file: string, opts: PreviewOptions, cmd: Command) => {
      const path = resolve(file);
      const limit = opts.limit !== undefined ? Number(opts.limit) : 100;
      if (!Number.isInteger(limit) || limit <= 0) throw new IngotError('INVALID_INPUT', `--limit must be a positive whole number, not "${opts.limit}".`);
      const ws = workspacePaths(globals(cmd).workspace);
      const cacheDir = existsSync(ws.config) ? ws.cache : undefined;
      // A source name of the workspace (no such file here) previews through its kind (file, http, …).
      const named = !existsSync(path) && cacheDir
        ? await withWorkspace(cmd, async (w): Promise<PreviewResult | undefined> => {
            if (!sourceExists(w, file)) return undefined;
            const def = await loadSource(w, file);
            return w.db.withConnection((conn) => sourceKind(def.kind).preview({ ws: w, conn, source: { name: def.name, file: def.file }, limit }, def.options));
          })
        : undefined;
      const result = named ?? (await previewStandalone(path, formatOptions(opts), { limit, displayName: file, ...(cacheDir ? { cacheDir } : {}) }));
      const decoded = decodeRows(result.rows.ipc);
      output(
        cmd,
        { ok: true, format: result.format, dialect: result.dialect, columns: result.columns, rows: decoded.rows.map((r) => Object.fromEntries(decoded.columns.map((c, i) => [c, r[i]]))), rejects: result.rejects, warnings: result.warnings },
        () =>
          [
            `${file}: ${result.format}, ${result.columns.length} column${result.columns.length === 1 ? '' : 's'}`,
            ...(result.dialect ? [dialectText(result.dialect)] : []),
            `columns: ${result.columns.map((c) => `${c.name} ${c.type}`).join(', ')}`,
            '',
            textTable(decoded.columns, decoded.rows),
            `(${decoded.rows.length} row${decoded.rows.length === 1 ? '' : 's'} shown)`,
            ...result.rejects.slice(0, 10).map((r) => `rejected: line ${r.line ?? '?'}${r.column ? `, column ${r.column}` : ''}: ${r.error}`),
            ...result.warnings.map((w) => `warning: ${w}`),
          ].join('\n'),
      );
    });
}
