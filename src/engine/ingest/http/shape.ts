// The keys the records of a load carry, nested objects included (arrays of objects merge their
// elements). DuckDB infers column types from a sample of the records; when a key appears only
// beyond that sample, the load asks DuckDB to look at every record instead of failing on it.
import type { ColumnInfo } from '../../db/connection.js';
import { structFields } from './struct-type.js';

/** Key → the keys below it (empty for scalars). Serializable: checkpoints store it. */
export interface Shape {
  [key: string]: Shape;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
/** `__proto__` as a key would reach Object.prototype through plain-object shapes; it is not tracked. */
const PROTO = '__proto__';

function mergeValue(shape: Shape, value: unknown): void {
  if (isObject(value)) {
    for (const key in value) if (key !== PROTO) mergeValue((shape[key] ??= {}), value[key]);
  } else if (Array.isArray(value)) {
    for (const item of value) if (isObject(item)) mergeValue(shape, item);
  }
}

/** Adds the keys of `records` (objects) to `shape`. */
export function mergeShape(shape: Shape, records: readonly Record<string, unknown>[]): void {
  for (const r of records) {
    for (const key in r) {
      if (key === PROTO) continue;
      const child = (shape[key] ??= {});
      const v = r[key];
      if (v !== null && typeof v === 'object') mergeValue(child, v);
    }
  }
}

/** The fields a column type holds objects with: STRUCT, or a list of STRUCT. */
function fieldsOf(type: string): ColumnInfo[] | undefined {
  const list = /^(.*)\[\d*\]$/s.exec(type.trim());
  return structFields(list ? (list[1] ?? '') : type);
}

/** The first key path of `shape` that `columns` do not cover, or undefined when they cover all. */
export function uncoveredKey(shape: Shape, columns: readonly ColumnInfo[], prefix = ''): string | undefined {
  const byName = new Map(columns.map((c) => [c.name, c.type]));
  for (const [key, below] of Object.entries(shape)) {
    const type = byName.get(key);
    if (type === undefined) return prefix + key;
    const fields = fieldsOf(type);
    // A JSON, MAP or VARCHAR column holds whatever comes below it.
    if (!fields || Object.keys(below).length === 0) continue;
    const missing = uncoveredKey(below, fields, `${prefix}${key}.`);
    if (missing) return missing;
  }
  return undefined;
}
