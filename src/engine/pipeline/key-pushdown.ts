// Makes incremental rebuilds read little: when DuckDB's parse tree proves that every output row
// with key k is computed only from rows of one input table whose key expression equals k, the
// rebuild reads that table limited to the affected keys (a semi join right at the scan) instead
// of filtering the model's output after computing all of it. The proof is conservative — one
// SELECT level at a time, through CTEs used once and subqueries:
//   * no LIMIT, no window functions or QUALIFY, no GROUPING SETS/ROLLUP/CUBE;
//   * when the level aggregates, each key column is a GROUP BY key (or GROUP BY ALL);
//     DISTINCT ON must include the key;
//   * the key columns come from one relation of the FROM that no outer join can null out
//     (either side of an inner join, the preserved side of a LEFT/RIGHT join, the left of SEMI/ANTI);
//   * through an inner level the key passes as a plain column; only at the table itself may it be
//     an expression (e.g. CAST(order_id AS BIGINT)).
// Anything else returns undefined and the runner filters the output instead (still exact, just
// slower). See incremental.ts for the whole incremental contract.
import { asArray, callsAggregate, contains, isColumnNamed, isObj, isOrdinal, lastName, sameExpr, visit, type Json, type Obj } from './parse-tree.js';
import { walkTableRefs } from './sql-refs.js';


export interface KeyPushdown {
  /** Walk-order occurrence of the table reference whose rows can be limited to the affected keys. */
  occurrence: number;
  /** Per key column, its expression over that table's columns (parse-tree JSON, columns qualified by `t`). */
  expressions: Obj[];
}

interface Leaf {
  node: Obj;
  name: string;
  eligible: boolean;
}

/** Finds a table the affected keys can be pushed into, or undefined when none provably can. */
export function findKeyPushdown(tree: string, keys: readonly string[], aggregates: ReadonlySet<string>): KeyPushdown | undefined {
  const parsed = JSON.parse(tree) as Json;
  const occurrences = new Map<Obj, number>();
  walkTableRefs(parsed, (node, occurrence) => occurrences.set(node, occurrence));
  const statement = isObj(parsed) && Array.isArray(parsed.statements) ? parsed.statements[0] : undefined;
  const root = isObj(statement) && isObj(statement.node) ? statement.node : undefined;
  if (!root || keys.length === 0) return undefined;
  const cteUses = countCteUses(parsed);
  const found = trace(root, keys.map((k) => k.toLowerCase()), new Map(), { aggregates, cteUses });
  if (!found) return undefined;
  const occurrence = occurrences.get(found.table);
  return occurrence === undefined ? undefined : { occurrence, expressions: found.expressions.map((e) => qualifyColumns(e, 't')) };
}

interface TraceEnv {
  aggregates: ReadonlySet<string>;
  cteUses: Map<string, number>;
}

function trace(node: Obj, keys: readonly string[], outerCtes: ReadonlyMap<string, Obj>, env: TraceEnv): { table: Obj; expressions: Obj[] } | undefined {
  if (node.type !== 'SELECT_NODE') return undefined;
  const ctes = new Map(outerCtes);
  const cteMap = isObj(node.cte_map) && Array.isArray(node.cte_map.map) ? node.cte_map.map : [];
  for (const entry of cteMap) {
    if (!isObj(entry) || typeof entry.key !== 'string' || !isObj(entry.value) || !isObj(entry.value.query) || !isObj(entry.value.query.node)) return undefined;
    ctes.set(entry.key.toLowerCase(), entry.value.query.node);
  }
  let distinctOn: Json[] | undefined;
  for (const m of asArray(node.modifiers)) {
    if (!isObj(m)) continue;
    if (m.type === 'LIMIT_MODIFIER' || m.type === 'LIMIT_PERCENT_MODIFIER') return undefined;
    if (m.type === 'DISTINCT_MODIFIER' && asArray(m.distinct_on_targets).length > 0) distinctOn = asArray(m.distinct_on_targets);
  }
  if (node.qualify !== null && node.qualify !== undefined) return undefined;
  if (contains(node.select_list, (n) => n.class === 'WINDOW') || contains(node.having, (n) => n.class === 'WINDOW')) return undefined;
  if (asArray(node.group_sets).length > 1) return undefined;
  const groupAll = node.aggregate_handling === 'FORCE_AGGREGATES';
  const groups = asArray(node.group_expressions);
  const aggregated = groupAll || groups.length > 0 || hasAggregate(node.select_list, env) || hasAggregate(node.having, env);
  if (aggregated && !groupAll && groups.length === 0) return undefined;
  const leaves = fromLeaves(node.from_table, true);
  if (!leaves) return undefined;
  const selectList = asArray(node.select_list);
  const expressions: Obj[] = [];
  for (const key of keys) {
    const item = findItem(selectList, key, leaves);
    if (!item) return undefined;
    if (aggregated) {
      if (item.star || hasAggregate(item.expr, env)) return undefined;
      if (!groupAll && !groups.some((g) => sameExpr(g, item.expr) || isColumnNamed(g, key) || isOrdinal(g, item.index))) return undefined;
    }
    if (distinctOn && !distinctOn.some((t) => sameExpr(t, item.expr) || isColumnNamed(t, key))) return undefined;
    expressions.push(item.expr);
  }
  if (expressions.some((e) => contains(e, (n) => n.class === 'SUBQUERY' || n.class === 'WINDOW' || n.class === 'STAR') || hasAggregate(e, env))) return undefined;
  const leaf = singleLeaf(expressions, leaves);
  if (!leaf?.eligible) return undefined;
  const passThrough = expressions.every((e) => e.class === 'COLUMN_REF');
  const childKeys = expressions.map((e) => lastName(e));
  if (leaf.node.type === 'BASE_TABLE') {
    const schema = typeof leaf.node.schema_name === 'string' ? leaf.node.schema_name : '';
    const table = String(leaf.node.table_name).toLowerCase();
    if (schema === '' && ctes.has(table)) {
      const child = ctes.get(table);
      if (!child || env.cteUses.get(table) !== 1 || !passThrough) return undefined;
      return trace(child, childKeys, ctes, env);
    }
    return { table: leaf.node, expressions };
  }
  if (leaf.node.type === 'SUBQUERY' && isObj(leaf.node.subquery) && isObj(leaf.node.subquery.node) && passThrough) {
    return trace(leaf.node.subquery.node, childKeys, ctes, env);
  }
  return undefined;
}

/** The relations of a FROM clause; `eligible` marks those an outer join cannot null out. */
function fromLeaves(from: Json | undefined, eligible: boolean): Leaf[] | undefined {
  if (!isObj(from)) return undefined;
  if (from.type === 'BASE_TABLE') return [{ node: from, name: String(from.alias || from.table_name).toLowerCase(), eligible }];
  if (from.type === 'SUBQUERY') return [{ node: from, name: String(from.alias ?? '').toLowerCase(), eligible }];
  if (from.type === 'JOIN') {
    const plain = from.ref_type === 'REGULAR' || from.ref_type === 'NATURAL' || from.ref_type === 'CROSS';
    const type = String(from.join_type);
    const leftOk = plain && (type === 'INNER' || type === 'LEFT' || type === 'SEMI' || type === 'ANTI');
    const rightOk = plain && (type === 'INNER' || type === 'RIGHT');
    const left = fromLeaves(from.left, eligible && leftOk);
    const right = fromLeaves(from.right, eligible && rightOk);
    return left && right ? [...left, ...right] : undefined;
  }
  return [{ node: from, name: String(from.alias ?? '').toLowerCase(), eligible: false }];
}

/** The select item producing output column `key`, or a pass-through of `key` from a `*`. */
function findItem(list: Json[], key: string, leaves: Leaf[]): { expr: Obj; index: number; star: boolean } | undefined {
  const matches = list
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => isObj(item) && (String(item.alias ?? '').toLowerCase() === key || (!item.alias && item.class === 'COLUMN_REF' && lastName(item) === key)));
  if (matches.length === 1) {
    const m = matches[0];
    return m && isObj(m.item) ? { expr: m.item, index: m.index, star: false } : undefined;
  }
  if (matches.length > 1) return undefined;
  const stars = list.filter((item) => isObj(item) && item.class === 'STAR');
  const star = stars[0];
  if (stars.length !== 1 || !isObj(star) || star.columns === true || star.expr) return undefined;
  const modified = ['exclude_list', 'replace_list', 'rename_list', 'qualified_exclude_list'].some((f) => asArray(star[f]).length > 0);
  if (modified) return undefined;
  const relation = typeof star.relation_name === 'string' ? star.relation_name : '';
  if (relation === '' && leaves.length !== 1) return undefined;
  const names = relation === '' ? [key] : [relation, key];
  return { expr: { class: 'COLUMN_REF', type: 'COLUMN_REF', alias: '', column_names: names }, index: -1, star: true };
}

/** The one relation all column references of `expressions` read, when there is exactly one. */
function singleLeaf(expressions: readonly Obj[], leaves: readonly Leaf[]): Leaf | undefined {
  let found: Leaf | undefined;
  let any = false;
  for (const e of expressions) {
    let failed = false;
    visit(e, (n) => {
      if (n.class !== 'COLUMN_REF') return;
      any = true;
      const names = asArray(n.column_names).map((x) => String(x).toLowerCase());
      const leaf = names.length === 1 ? (leaves.length === 1 ? leaves[0] : undefined) : names.length === 2 ? leaves.find((l) => l.name === names[0]) : undefined;
      if (!leaf || (found && found !== leaf)) failed = true;
      else found = leaf;
    });
    if (failed) return undefined;
  }
  return any ? found : undefined;
}

function countCteUses(tree: Json): Map<string, number> {
  const uses = new Map<string, number>();
  visit(tree, (n) => {
    if (n.type === 'BASE_TABLE' && !n.schema_name && !n.catalog_name && typeof n.table_name === 'string') {
      const name = n.table_name.toLowerCase();
      uses.set(name, (uses.get(name) ?? 0) + 1);
    }
  });
  return uses;
}

function hasAggregate(node: Json | undefined, env: TraceEnv): boolean {
  return callsAggregate(node, env.aggregates);
}

/** A copy of `expr` whose column references read relation `alias`. */
function qualifyColumns(expr: Obj, alias: string): Obj {
  const copy = JSON.parse(JSON.stringify(expr)) as Obj;
  visit(copy, (n) => {
    if (n.class === 'COLUMN_REF') {
      const names = asArray(n.column_names);
      n.column_names = [alias, names[names.length - 1] ?? ''];
    }
  });
  copy.alias = '';
  return copy;
}
