// Empty objects ({}) in a load's records: DuckDB reads a field that is only ever {} as a MAP,
// having no keys to build a STRUCT from. When bronze already holds that field as a STRUCT (or a
// MAP), {} fits it as a value with every field NULL, as it does when it comes mixed with other
// objects in one load, so the field is read as bronze's type instead of drifting.
import type { ColumnInfo } from '../../db/connection.js';
import { ident } from '../../db/sql.js';
import type { Shape } from './shape.js';
import { structFields } from './struct-type.js';

const isMap = (type: string): boolean => /^MAP\s*\(/i.test(type.trim());
const isMapOrStruct = (type: string): boolean => /^(MAP|STRUCT)\s*\(/i.test(type.trim());
const listItem = (type: string): string | undefined => /^(.*)\[\]$/s.exec(type.trim())?.[1];

/** `detected`, with each part that only ever held {} (no key below it in `shape`) taking `existing`'s type. */
function fitType(detected: string, existing: string, shape: Shape | undefined): string {
  // A MAP with no key below it in the shape held only {} (DuckDB says MAP(VARCHAR, JSON), the driver MAP(VARCHAR, VARCHAR)).
  if (isMap(detected) && Object.keys(shape ?? {}).length === 0 && isMapOrStruct(existing)) return existing;
  // The shape of a list of objects merges its elements' keys, so it is the elements' shape.
  const [item, existingItem] = [listItem(detected), listItem(existing)];
  if (item !== undefined && existingItem !== undefined) return `${fitType(item, existingItem, shape)}[]`;
  const fields = structFields(detected);
  const existingFields = structFields(existing);
  if (!fields || !existingFields) return detected;
  const byName = new Map(existingFields.map((f) => [f.name.toLowerCase(), f.type]));
  const fitted = fields.map((f) => {
    const old = byName.get(f.name.toLowerCase());
    return { name: f.name, type: old === undefined ? f.type : fitType(f.type, old, shape?.[f.name]) };
  });
  if (fitted.every((f, i) => f.type === fields[i]?.type)) return detected;
  return `STRUCT(${fitted.map((f) => `${ident(f.name)} ${f.type}`).join(', ')})`;
}

/** The detected columns of a load, with fields that held only {} read as bronze's `existing` columns have them. */
export function fitEmptyObjects(detected: readonly ColumnInfo[], existing: readonly ColumnInfo[], shape: Shape): ColumnInfo[] {
  const byName = new Map(existing.map((c) => [c.name.toLowerCase(), c.type]));
  return detected.map((c) => {
    const old = byName.get(c.name.toLowerCase());
    return old === undefined ? c : { name: c.name, type: fitType(c.type, old, shape[c.name]) };
  });
}
