// A CSV column bronze holds as DATE or TIMESTAMP that a new file's sniff reads as text, because a
// few of its values fit no date format (`13/31/2025`): when nearly all of its sampled values fit
// the format the source keeps (counted over the whole file, as the sniffer samples across it), the
// column is read as bronze's type, so the misfits are rejected with their lines, as a value that
// fits only the other format is, instead of failing the whole load as a type change. A column
// that is mostly not dates still drifts as before. This reads the file once more, only when a
// date column sniffs as text.
import type { ColumnInfo, SqlConnection } from '../../db/connection.js';
import { ident, literal } from '../../db/sql.js';
import { ISO_DATE, ISO_TIMESTAMP, readsSame } from './csv-dialect.js';
import type { InspectedFile, KeptDateFormats } from './format.js';

/** The share of a column's values that must fit the kept format. */
const MIN_FIT = 0.9;

/**
 * SQL that is not NULL when `value` reads as `type` in `format`. ISO formats are not pinned in a
 * load (DuckDB's own parser reads them, fractions and offsets too), so they are tried as a cast.
 */
function readsAs(value: string, type: string, format: string): string {
  const iso = format === ISO_DATE || readsSame(format, ISO_TIMESTAMP) || /WITH TIME ZONE|TZ$/i.test(type);
  return iso ? `TRY_CAST(${value} AS ${type})` : `try_strptime(${value}, ${literal(format)})`;
}

interface Candidate {
  column: ColumnInfo;
  bronzeType: string;
  format: string;
}

function candidates(inspected: InspectedFile, kept: KeptDateFormats, bronze: readonly ColumnInfo[]): Candidate[] {
  const types = new Map(bronze.map((c) => [c.name.toLowerCase(), c.type]));
  return inspected.columns.flatMap((column) => {
    const bronzeType = types.get(column.name.toLowerCase());
    if (column.type !== 'VARCHAR' || bronzeType === undefined) return [];
    const format = /^DATE$/i.test(bronzeType) ? kept.date : /^TIMESTAMP/i.test(bronzeType) ? kept.timestamp : undefined;
    return format === undefined ? [] : [{ column, bronzeType, format }];
  });
}

/** The file's columns, with the text columns that are nearly all kept-format dates as bronze types them; and what was done. */
export async function keepDateColumns(
  conn: SqlConnection,
  inspected: InspectedFile,
  kept: KeptDateFormats | undefined,
  bronze: readonly ColumnInfo[] | null,
  displayName: string,
): Promise<{ columns: ColumnInfo[]; warnings: string[] }> {
  const found = kept && bronze && inspected.dialect ? candidates(inspected, kept, bronze) : [];
  if (found.length === 0) return { columns: inspected.columns, warnings: [] };
  const asText = inspected.columns.map((c) => ({ name: c.name, type: 'VARCHAR' }));
  const measures = found.flatMap(({ column, bronzeType, format }, i) => {
    const [c, fits] = [ident(column.name), readsAs(ident(column.name), bronzeType, format)];
    return [`count(${c}) AS "n${i}"`, `count(${fits}) AS "fit${i}"`, `any_value(${c}) FILTER (WHERE ${c} IS NOT NULL AND ${fits} IS NULL) AS "bad${i}"`];
  });
  const row = await conn
    .one(`SELECT ${measures.join(', ')} FROM ${inspected.relation(asText)}`)
    .catch(() => undefined);
  if (!row) return { columns: inspected.columns, warnings: [] };
  const retyped = new Map<string, string>();
  const warnings: string[] = [];
  found.forEach(({ column, bronzeType, format }, i) => {
    const [n, fit, bad] = [Number(row[`n${i}`] ?? 0), Number(row[`fit${i}`] ?? 0), row[`bad${i}`]];
    if (n === 0 || fit / n < MIN_FIT) return;
    retyped.set(column.name, bronzeType);
    if (bad === null || bad === undefined) return;
    warnings.push(
      `${displayName}: column "${column.name}" holds values that are not ${format} dates (such as "${String(bad)}"); it is read as ${bronzeType} in ${format}, as earlier files of this source, and rows whose value does not fit are rejected with their lines.`,
    );
  });
  return { columns: inspected.columns.map((c) => ({ name: c.name, type: retyped.get(c.name) ?? c.type })), warnings };
}
