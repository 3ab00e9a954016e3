// Empty objects ({}) in a load's records: DuckDB reads a field that is only ever {} as a MAP,
// having no keys to build a STRUCT from. When bronze already holds that field as a STRUCT (or a
// MAP), {} fits it as a value with every field NULL, as it does when it comes mixed with other
// objects in one load, so the field is read as bronze's type instead of drifting. Otherwise (a
// first load, a new field) it lands as JSON text ('{}'), the form a nested column widened to text
// has, so that later loads' real objects fit it as JSON text with all their keys.
import type { ColumnInfo } from '../../db/connection.js';
import { ident } from '../../db/sql.js';
import { isNestedType, isTextType } from '../nested-text.js';
import type { Shape } from './shape.js';
import { structFields } from './struct-type.js';

const isList = (type: string): boolean => /\]$/.test(type.trim());
const isMap = (type: string): boolean => /^MAP\s*\(/i.test(type.trim()) && !isList(type);
const isMapOrStruct = (type: string): boolean => /^(MAP|STRUCT)\s*\(/i.test(type.trim()) && !isList(type);
const listItem = (type: string): string | undefined => /^(.*)\[\]$/s.exec(type.trim())?.[1];
/** A MAP with no key below it in the shape held only {} (DuckDB says MAP(VARCHAR, JSON), the driver MAP(VARCHAR, VARCHAR)). */
const onlyEmpty = (type: string, shape: Shape | undefined): boolean => isMap(type) && Object.keys(shape ?? {}).length === 0;

/** `type` with `fieldType` applied to each STRUCT field, or `type` itself when nothing changes. */
function mapFields(type: string, shape: Shape | undefined, fieldType: (type: string, shape: Shape | undefined, name: string) => string): string {
  const fields = structFields(type);
  if (!fields) return type;
  const mapped = fields.map((f) => ({ name: f.name, type: fieldType(f.type, shape?.[f.name], f.name) }));
  if (mapped.every((f, i) => f.type === fields[i]?.type)) return type;
  return `STRUCT(${mapped.map((f) => `${ident(f.name)} ${f.type}`).join(', ')})`;
}

/**
 * `detected`, with each part that only ever held {} (no key below it in `shape`) taking `existing`'s
 * type, and each nested part bronze holds as text (a {} an earlier load landed as JSON text) read
 * as text. At the top (`top`), text needs no fitting: drift writes nested values into a text column as JSON.
 */
function fitType(detected: string, existing: string, shape: Shape | undefined, top: boolean): string {
  // Left as read otherwise: emptyObjectsAsText makes it text, without reading the spool a second way.
  if (onlyEmpty(detected, shape)) return isMapOrStruct(existing) ? existing : detected;
  if (!top && isTextType(existing) && isNestedType(detected)) return 'VARCHAR';
  // The shape of a list of objects merges its elements' keys, so it is the elements' shape.
  const [item, existingItem] = [listItem(detected), listItem(existing)];
  if (item !== undefined && existingItem !== undefined) return `${fitType(item, existingItem, shape, false)}[]`;
  const existingFields = structFields(existing);
  if (!existingFields) return detected;
  const byName = new Map(existingFields.map((f) => [f.name.toLowerCase(), f.type]));
  return mapFields(detected, shape, (type, below, name) => {
    const old = byName.get(name.toLowerCase());
    return old === undefined ? type : fitType(type, old, below, false);
  });
}

/** The detected columns of a load, with fields that held only {} read as bronze's `existing` columns have them. */
export function fitEmptyObjects(detected: readonly ColumnInfo[], existing: readonly ColumnInfo[], shape: Shape): ColumnInfo[] {
  const byName = new Map(existing.map((c) => [c.name.toLowerCase(), c.type]));
  return detected.map((c) => {
    const old = byName.get(c.name.toLowerCase());
    return old === undefined ? c : { name: c.name, type: fitType(c.type, old, shape[c.name], true) };
  });
}

/** `type` with each part that only ever held {} (a MAP with no key below it in `shape`) as VARCHAR. */
function emptyAsText(type: string, shape: Shape | undefined): string {
  if (onlyEmpty(type, shape)) return 'VARCHAR';
  const item = listItem(type);
  if (item !== undefined) {
    const fitted = emptyAsText(item, shape);
    return fitted === item ? type : `${fitted}[]`;
  }
  return mapFields(type, shape, emptyAsText);
}

/**
 * The type each column lands as: fields that only ever held {} become JSON text (VARCHAR holding
 * '{}'), which later real objects fit; a {}-only MAP cast to VARCHAR reads '{}', so a plain CAST
 * from the read type turns one into the other.
 */
export function emptyObjectsAsText(columns: readonly ColumnInfo[], shape: Shape): ColumnInfo[] {
  return columns.map((c) => ({ name: c.name, type: emptyAsText(c.type, shape[c.name]) }));
}
