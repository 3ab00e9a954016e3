// Small helpers for walking DuckDB's JSON parse trees (json_serialize_sql): typed access, a
// visitor that can stop at subqueries, and structural comparison of expressions.
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Obj = { [key: string]: Json };

/** True when some object in `node` (not descending into subqueries) satisfies `test`. */
export function contains(node: Json | undefined, test: (n: Obj) => boolean): boolean {
  let hit = false;
  visit(node, (n) => {
    if (test(n)) hit = true;
  }, true);
  return hit;
}

export function visit(node: Json | undefined, fn: (n: Obj) => void, skipSubqueries = false): void {
  if (Array.isArray(node)) {
    for (const child of node) visit(child, fn, skipSubqueries);
    return;
  }
  if (!isObj(node)) return;
  fn(node);
  if (skipSubqueries && node.class === 'SUBQUERY') return;
  for (const value of Object.values(node)) visit(value, fn, skipSubqueries);
}

/** True when `node` (not its subqueries) calls one of the aggregate functions named in `aggregates` (lower case). */
export function callsAggregate(node: Json | undefined, aggregates: ReadonlySet<string>): boolean {
  return contains(node, (n) => n.class === 'FUNCTION' && typeof n.function_name === 'string' && aggregates.has(n.function_name.toLowerCase()));
}

export function sameExpr(a: Json, b: Json): boolean {
  const strip = (k: string, v: unknown): unknown => (k === 'query_location' || k === 'alias' ? undefined : v);
  return JSON.stringify(a, strip) === JSON.stringify(b, strip);
}

export function isColumnNamed(n: Json, key: string): boolean {
  return isObj(n) && n.class === 'COLUMN_REF' && asArray(n.column_names).length === 1 && lastName(n) === key;
}

export function isOrdinal(n: Json, index: number): boolean {
  if (!isObj(n) || n.class !== 'CONSTANT' || !isObj(n.value)) return false;
  return Number(n.value.value) === index + 1 && index >= 0;
}

export function lastName(n: Obj): string {
  const names = asArray(n.column_names);
  return String(names[names.length - 1] ?? '').toLowerCase();
}

export function isObj(v: Json | undefined): v is Obj {
  return v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v);
}

export function asArray(v: Json | undefined): Json[] {
  return Array.isArray(v) ? v : [];
}
