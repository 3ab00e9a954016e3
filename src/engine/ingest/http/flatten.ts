// `flatten: true`: nested objects become columns named parent_child, recursively, as SQL paths
// into the STRUCT columns DuckDB read. Bronze's columns steer two cases so a later load fits the
// earlier ones instead of drifting: an object field bronze holds as text (e.g. one an earlier load
// saw only as {}) stays one JSON text column, and a field that is only {} in this load, whose
// parent_child columns bronze has, fills those columns with NULL, as {} fills a STRUCT.
import type { ColumnInfo } from '../../db/connection.js';
import { ident } from '../../db/sql.js';
import { isTextType } from '../nested-text.js';
import { structFields } from './struct-type.js';

export interface SpoolColumn extends ColumnInfo {
  /** The SQL that reads it from the spool, e.g. "customer"."id". */
  expr: string;
}

/** A column as it lands, with `read`: the type DuckDB read it as (a MAP for a field that held only {}). */
export interface ReadColumn extends SpoolColumn {
  read: string;
}

/** A field that held only {}: read as a MAP, landing as text (see empty-objects.ts). */
const onlyEmpty = (col: ReadColumn): boolean => /^MAP\s*\(/i.test(col.read.trim()) && !/\]$/.test(col.read.trim()) && isTextType(col.type);

function flattenColumn(col: ReadColumn, asText: ReadonlySet<string>): ReadColumn[] {
  const fields = structFields(col.type);
  if (!fields || fields.length === 0 || asText.has(col.name.toLowerCase())) return [col];
  // Landing types differ from read types only where {} became text, so the fields line up.
  const readFields = structFields(col.read);
  return fields.flatMap((f, i) =>
    flattenColumn({ name: `${col.name}_${f.name}`, type: f.type, read: readFields?.[i]?.type ?? f.type, expr: `${col.expr}.${ident(f.name)}` }, asText),
  );
}

/** The flattened columns of `columns`; `existing`: bronze's columns (none on a first load). */
export function flattenAll(columns: readonly ReadColumn[], existing: readonly ColumnInfo[], warn: (message: string) => void): SpoolColumn[] {
  const asText = new Set(existing.filter((c) => isTextType(c.type)).map((c) => c.name.toLowerCase()));
  const bronze = new Set(existing.map((c) => c.name.toLowerCase()));
  const flat = columns.flatMap((c) => flattenColumn(c, asText));
  const named = new Set(flat.map((c) => c.name.toLowerCase()));
  const out: SpoolColumn[] = [];
  const taken = new Set<string>();
  for (const col of flat) {
    const prefix = `${col.name.toLowerCase()}_`;
    const children = onlyEmpty(col) && !bronze.has(col.name.toLowerCase()) ? existing.filter((e) => e.name.toLowerCase().startsWith(prefix) && !named.has(e.name.toLowerCase())) : [];
    if (children.length > 0) {
      for (const child of children) if (!taken.has(child.name.toLowerCase())) out.push({ name: child.name, type: child.type, expr: 'NULL' });
      children.forEach((child) => taken.add(child.name.toLowerCase()));
      continue;
    }
    let name = col.name;
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${col.name}_${i}`;
    if (name !== col.name) warn(`flatten: two fields become the column ${col.name}; the second is called ${name}.`);
    taken.add(name.toLowerCase());
    out.push({ name, type: col.type, expr: col.expr });
  }
  return out;
}
