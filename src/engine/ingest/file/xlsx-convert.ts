// Converts one sheet of an .xlsx workbook (read with exceljs, since DuckDB's excel extension is
// not available offline) to newline-delimited JSON under .ingot/cache, keeping numbers, booleans
// and dates typed, so DuckDB can load it. Row 1 is the header; merged header cells are refused.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { IngotError } from '../../../shared/errors.js';

export interface ConvertedSheet {
  path: string;
  sheet: string;
  columns: string[];
  rows: number;
  warnings: string[];
}

type Cell = ExcelJS.CellValue;

/** The value a cell shows: formulas give their result, hyperlinks their text. */
function shownValue(value: Cell): Cell {
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : shownValue(value.text as Cell);
  if ('formula' in value || 'sharedFormula' in value) return shownValue((value as { result?: Cell }).result ?? null);
  return value;
}

/**
 * A cell's value as JSON: rich text gives its text, errors their code, dates `YYYY-MM-DD`, or
 * `YYYY-MM-DD HH:MM:SS` in a column (`withTime`) where some date has a time of day.
 */
function jsonValue(cell: Cell, withTime = false): string | number | boolean | null {
  const value = shownValue(cell);
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return withTime ? value.toISOString().slice(0, 19).replace('T', ' ') : value.toISOString().slice(0, 10);
  if ('error' in value) return value.error;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  return JSON.stringify(value);
}

/** Column numbers (1-based) holding a date with a time of day in rows 2…`lastRow`. */
function timeColumns(ws: ExcelJS.Worksheet, lastRow: number): Set<number> {
  const out = new Set<number>();
  for (let r = 2; r <= lastRow; r++) {
    ws.getRow(r).eachCell((cell, c) => {
      const value = shownValue(cell.value);
      if (value instanceof Date && !value.toISOString().endsWith('T00:00:00.000Z')) out.add(c);
    });
  }
  return out;
}

function pickSheet(workbook: ExcelJS.Workbook, sheet: string | number | undefined, displayName: string): ExcelJS.Worksheet {
  const found = sheet === undefined ? workbook.worksheets[0] : typeof sheet === 'number' ? workbook.worksheets[sheet - 1] : workbook.getWorksheet(sheet);
  if (!found) {
    const names = workbook.worksheets.map((w) => `"${w.name}"`).join(', ') || '(none)';
    throw new IngotError('INGEST_FAILED', `${displayName} has no sheet ${sheet === undefined ? 'at all' : JSON.stringify(sheet)}.`, {
      hint: `Set \`sheet:\` in the source to one of: ${names} (a name, or a 1-based position).`,
      detail: { file: displayName, field: 'sheet' },
    });
  }
  return found;
}

/** Header names: blanks become column<N>, repeats get _1, _2 (as DuckDB does for CSV). */
function headerNames(ws: ExcelJS.Worksheet, width: number, displayName: string, warnings: string[]): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (let c = 1; c <= width; c++) {
    const raw = jsonValue(ws.getRow(1).getCell(c).value);
    let name = raw === null || String(raw).trim() === '' ? `column${c - 1}` : String(raw).trim();
    if (seen.has(name.toLowerCase())) {
      let i = 1;
      while (seen.has(`${name}_${i}`.toLowerCase())) i++;
      warnings.push(`${displayName} sheet "${ws.name}", row 1: the header name "${name}" repeats (column ${c}); it is loaded as "${name}_${i}".`);
      name = `${name}_${i}`;
    }
    seen.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}

/** Writes the sheet as NDJSON in `cacheDir`; `maxRows` stops early (for preview). */
export async function convertSheet(
  path: string,
  displayName: string,
  cacheDir: string,
  options: { sheet?: string | number; maxRows?: number },
): Promise<ConvertedSheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (err) {
    throw new IngotError('INGEST_FAILED', `Cannot read ${displayName} as an Excel workbook: ${(err as Error).message}`, {
      hint: 'Check that the file is an .xlsx workbook (not .xls or a CSV renamed to .xlsx) and that it is complete.',
      detail: { file: displayName },
      cause: err,
    });
  }
  const ws = pickSheet(workbook, options.sheet, displayName);
  const headerMerge = ws.model.merges.find((range) => /^[A-Z]+1:/.test(range));
  if (headerMerge) {
    throw new IngotError('INGEST_FAILED', `${displayName}:1: sheet "${ws.name}" has merged header cells (${headerMerge}); each column needs its own header.`, {
      hint: 'Unmerge the header cells in Excel and give every column a name, then ingest again.',
      detail: { file: displayName, line: 1, sheet: ws.name, range: headerMerge },
    });
  }
  const width = ws.columnCount;
  let lastRow = 1;
  ws.eachRow({ includeEmpty: false }, (_row, n) => {
    lastRow = Math.max(lastRow, n);
  });
  if (width === 0 || ws.actualRowCount === 0) {
    throw new IngotError('INGEST_FAILED', `Sheet "${ws.name}" of ${displayName} is empty: there is nothing to load.`, {
      hint: 'Choose another sheet with `sheet:` in the source.',
      detail: { file: displayName, sheet: ws.name },
    });
  }
  const warnings: string[] = [];
  if (options.sheet === undefined && workbook.worksheets.length > 1) {
    const names = workbook.worksheets.map((w) => `"${w.name}"`).join(', ');
    warnings.push(`${displayName} has ${workbook.worksheets.length} sheets (${names}); reading the first, "${ws.name}". Set \`sheet:\` in the source to read another.`);
  }
  const columns = headerNames(ws, width, displayName, warnings);
  await mkdir(cacheDir, { recursive: true });
  const key = createHash('sha256').update(`${path}\0${String(options.sheet ?? '')}\0${String(options.maxRows ?? '')}`).digest('hex').slice(0, 16);
  const out = join(cacheDir, `xlsx-${key}.ndjson`);
  const stream = createWriteStream(out);
  const end = options.maxRows !== undefined ? Math.min(lastRow, options.maxRows + 1) : lastRow;
  const withTime = timeColumns(ws, lastRow);
  let rows = 0;
  for (let r = 2; r <= end; r++) {
    const row = ws.getRow(r);
    // An empty row is no record, as a blank line in a CSV is none; an empty line keeps every
    // later record on its sheet row's line, so errors still name the right row.
    if (!row.hasValues) {
      if (!stream.write('\n')) await once(stream, 'drain');
      continue;
    }
    const record: Record<string, unknown> = {};
    columns.forEach((name, i) => (record[name] = jsonValue(row.getCell(i + 1).value, withTime.has(i + 1))));
    if (!stream.write(JSON.stringify(record) + '\n')) await once(stream, 'drain');
    rows++;
  }
  stream.end();
  await once(stream, 'finish');
  return { path: out, sheet: ws.name, columns, rows, warnings };
}
