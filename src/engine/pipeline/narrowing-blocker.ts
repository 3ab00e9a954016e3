// Decides whether an incremental model's SQL lets a run narrow the rebuild to the keys its new
// input rows touch (incremental.ts). Narrowing evaluates the SELECT over each input's changed
// slice and takes the keys that come out; that is exact only when a row of key k can change only
// through input rows that produce key k. Constructs that let new rows change, add or remove rows
// of *other* keys break that, and the run would silently keep stale rows or miss new ones:
//   * negation — NOT EXISTS / NOT IN / <> ALL on a subquery, ANTI JOIN, EXCEPT;
//   * HAVING, LIMIT, USING SAMPLE, POSITIONAL JOIN, a scalar subquery in a condition;
//   * a window function (or QUALIFY) not partitioned by the key, DISTINCT ON without the key;
//   * an aggregate of a nested query used in a condition, a grouping or as the key;
//   * a key that is not a GROUP BY column of an aggregating SELECT;
//   * a CTE read more than once, unless each read is the FROM of its own output-level SELECT
//     (a UNION branch). Narrowing replaces the input read inside the CTE by its slice, so every
//     read of the CTE sees only the touched keys: an aggregate, subquery or self-join over it
//     would then compare the touched keys with each other only, and the other keys go stale.
// A model using one is rebuilt in full when its inputs change (the planner says why). The test is
// conservative: it reads DuckDB's parse tree and may refuse a query that would have been exact.
import { asArray, callsAggregate, contains, isColumnNamed, isObj, isOrdinal, lastName, sameExpr, visit, type Json, type Obj } from './parse-tree.js';

/** What in the SQL prevents narrowing to affected keys, in words, or undefined when nothing does. */
export function narrowingBlocker(tree: string, keys: readonly string[], aggregates: ReadonlySet<string>): string | undefined {
  const parsed = JSON.parse(tree) as Json;
  const statement = isObj(parsed) && Array.isArray(parsed.statements) ? parsed.statements[0] : undefined;
  const root = isObj(statement) && isObj(statement.node) ? statement.node : undefined;
  if (!root) return 'its SQL could not be analysed';
  const keyNames = keys.map((k) => k.toLowerCase());
  const isAggregate = (n: Json | undefined): boolean => callsAggregate(n, aggregates);
  const tops = new Set<Obj>();
  collectTops(root, tops);

  const levels: Obj[] = [];
  let blocker: string | undefined;
  visit(root, (n) => {
    if (n.type === 'SELECT_NODE') levels.push(n);
    if (blocker === undefined && n.type === 'SET_OPERATION_NODE' && n.setop_type === 'EXCEPT') blocker = 'EXCEPT';
  });
  if (blocker) return blocker;

  // Output columns of nested aggregating levels that hold an aggregate (or window) value.
  const aggregateOutputs = new Set<string>();
  for (const level of levels) {
    if (tops.has(level)) continue;
    for (const item of asArray(level.select_list)) {
      if (!isObj(item) || !(isAggregate(item) || contains(item, (x) => x.class === 'WINDOW'))) continue;
      const name = String(item.alias || (item.class === 'COLUMN_REF' ? lastName(item) : '')).toLowerCase();
      if (name) aggregateOutputs.add(name);
    }
  }

  for (const level of levels) {
    const found = levelBlocker(level, tops.has(level), keyNames, isAggregate, aggregateOutputs);
    if (found) return found;
  }
  return sharedCteBlocker(root, tops, isAggregate);
}

interface CteDefinition {
  name: string;
  /** Whether the CTE reads a table (a CTE of constants cannot carry new rows). */
  readsData: boolean;
}

interface CteRead {
  cte: CteDefinition;
  /** The SELECT level whose FROM reads the CTE. */
  level: Obj | undefined;
  /** Where that level sits, in words: "a scalar subquery", "the CTE avg_all", … */
  place: string;
}

/** A CTE read more than once where one read's rows can reach the output rows of other keys. */
function sharedCteBlocker(root: Obj, tops: ReadonlySet<Obj>, isAggregate: (n: Json | undefined) => boolean): string | undefined {
  const reads = cteReads(root);
  for (const cte of new Set(reads.map((r) => r.cte))) {
    const mine = reads.filter((r) => r.cte === cte);
    if (!cte.readsData || mine.length < 2) continue;
    const inner = mine.filter((r) => !r.level || !tops.has(r.level));
    const aggregating = inner.find((r) => r.level && (isAggregate(r.level.select_list) || asArray(r.level.group_expressions).length > 0 || r.level.aggregate_handling === 'FORCE_AGGREGATES'));
    if (aggregating) return `an aggregate of the CTE ${cte.name} in ${aggregating.place}`;
    const windowed = inner.find((r) => r.level && contains(r.level.select_list, (n) => n.class === 'WINDOW'));
    if (windowed) return `a window function over the CTE ${cte.name} in ${windowed.place}`;
    const other = inner[0];
    if (other) return `the CTE ${cte.name} read again in ${other.place}`;
    const levels = mine.map((r) => r.level);
    if (new Set(levels).size < levels.length) return `the CTE ${cte.name} joined with itself`;
  }
  return undefined;
}

/** Every read of a CTE in `root`, resolved to the innermost WITH clause that defines its name. */
function cteReads(root: Obj): CteRead[] {
  const reads: CteRead[] = [];
  const walk = (node: Json | undefined, scope: ReadonlyMap<string, CteDefinition>, level: Obj | undefined, place: string): void => {
    if (Array.isArray(node)) {
      for (const child of node) walk(child, scope, level, place);
      return;
    }
    if (!isObj(node)) return;
    const entries = isObj(node.cte_map) ? asArray(node.cte_map.map).filter(isObj) : [];
    let inner = scope;
    if (entries.length > 0) {
      const defined = new Map(scope);
      for (const entry of entries) {
        if (typeof entry.key !== 'string') continue;
        let readsData = false;
        visit(entry.value, (n) => {
          if (n.type === 'BASE_TABLE' || n.type === 'TABLE_FUNCTION') readsData = true;
        });
        defined.set(entry.key.toLowerCase(), { name: entry.key, readsData });
      }
      inner = defined;
    }
    if (node.type === 'BASE_TABLE' && !node.schema_name && !node.catalog_name && typeof node.table_name === 'string') {
      const cte = inner.get(node.table_name.toLowerCase());
      if (cte) reads.push({ cte, level, place });
    }
    const here = node.type === 'SELECT_NODE' ? node : level;
    for (const [field, value] of Object.entries(node)) {
      if (field === 'cte_map') {
        for (const entry of entries) walk(entry.value, inner, here, `the CTE ${String(entry.key)}`);
      } else if (field === 'subquery' && node.class === 'SUBQUERY') {
        walk(value, inner, here, subqueryPlace(node.subquery_type));
      } else if (field === 'subquery' && node.type === 'SUBQUERY') {
        walk(value, inner, here, 'a subquery in FROM');
      } else {
        walk(value, inner, here, place);
      }
    }
  };
  walk(root, new Map(), undefined, 'the main SELECT');
  return reads;
}

function subqueryPlace(type: Json | undefined): string {
  if (type === 'SCALAR') return 'a scalar subquery';
  if (type === 'EXISTS' || type === 'NOT_EXISTS') return 'an EXISTS subquery';
  if (type === 'ANY') return 'an IN or ANY subquery';
  return 'a subquery';
}

/** The SELECT levels whose output is the model's output: the root, or every branch of a top-level UNION/INTERSECT. */
function collectTops(node: Obj, into: Set<Obj>): void {
  if (node.type === 'SELECT_NODE') into.add(node);
  else if (node.type === 'SET_OPERATION_NODE') {
    if (isObj(node.left)) collectTops(node.left, into);
    if (isObj(node.right)) collectTops(node.right, into);
  }
}

function levelBlocker(level: Obj, top: boolean, keys: readonly string[], isAggregate: (n: Json | undefined) => boolean, aggregateOutputs: ReadonlySet<string>): string | undefined {
  for (const m of asArray(level.modifiers)) {
    if (!isObj(m)) continue;
    if (m.type === 'LIMIT_MODIFIER' || m.type === 'LIMIT_PERCENT_MODIFIER') return 'LIMIT';
    const targets = asArray(m.distinct_on_targets);
    if (m.type === 'DISTINCT_MODIFIER' && targets.length > 0 && !keys.every((k) => targets.some((t) => isColumnNamed(t, k) || namesColumn(t, k)))) {
      return `DISTINCT ON without ${keyList(keys)}`;
    }
  }
  if (level.having !== null && level.having !== undefined) return 'HAVING';
  if (level.sample !== null && level.sample !== undefined) return 'USING SAMPLE';
  const joins: Obj[] = [];
  let fromBlocker: string | undefined;
  visit(level.from_table, (n) => {
    if (n.sample !== null && n.sample !== undefined && (n.type === 'BASE_TABLE' || n.type === 'SUBQUERY' || n.type === 'JOIN')) fromBlocker ??= 'USING SAMPLE';
    if (n.type !== 'JOIN') return;
    if (n.join_type === 'ANTI') fromBlocker ??= 'an ANTI JOIN';
    if (n.ref_type === 'POSITIONAL') fromBlocker ??= 'a POSITIONAL JOIN';
    joins.push(n);
  }, true);
  if (fromBlocker) return fromBlocker;

  // Windows of this level (not of its subqueries, which are levels of their own).
  const own = [level.select_list, level.where_clause, level.qualify, level.group_expressions];
  let windowBlocker: string | undefined;
  for (const part of own) {
    visit(part, (n) => {
      if (n.class !== 'WINDOW' || windowBlocker) return;
      const partitions = asArray(n.partitions);
      if (!keys.every((k) => partitions.some((p) => namesColumn(p, k)))) windowBlocker = `the window function ${String(n.function_name)}() not partitioned by ${keyList(keys)}`;
    }, true);
  }
  if (windowBlocker) return windowBlocker;

  const conditions: Json[] = [level.where_clause ?? null, level.qualify ?? null, ...joins.map((j) => j.condition ?? null)];
  for (const condition of conditions) {
    const found = conditionBlocker(condition);
    if (found) return found;
  }
  const grouping: Json[] = [...conditions, level.group_expressions ?? null, ...asArray(level.modifiers).flatMap((m) => (isObj(m) ? asArray(m.distinct_on_targets) : []))];
  const usedAggregate = firstColumnIn(grouping, aggregateOutputs);
  if (usedAggregate) return `the aggregate ${usedAggregate} of a subquery in a condition or grouping`;

  if (!top) return undefined;
  const items = asArray(level.select_list);
  for (const key of keys) {
    const item = items.find((i) => isObj(i) && (String(i.alias ?? '').toLowerCase() === key || (!i.alias && namesColumn(i, key))));
    if (isObj(item) && firstColumnIn([item], aggregateOutputs)) return `${keyList([key])} computed from an aggregate of a subquery`;
  }
  const groupAll = level.aggregate_handling === 'FORCE_AGGREGATES';
  const groups = asArray(level.group_expressions);
  const aggregated = groups.length > 0 || items.some((i) => isAggregate(i));
  if (!aggregated || groupAll) return undefined;
  for (const key of keys) {
    const index = items.findIndex((i) => isObj(i) && (String(i.alias ?? '').toLowerCase() === key || (!i.alias && namesColumn(i, key))));
    const item = items[index];
    const grouped = isObj(item) && !isAggregate(item) && groups.some((g) => sameExpr(g, item) || isColumnNamed(g, key) || isOrdinal(g, index));
    if (!grouped) return `GROUP BY without ${keyList([key])}`;
  }
  return undefined;
}

/** Negated subqueries (NOT EXISTS, NOT IN, <> ALL) and scalar subqueries in a condition. */
function conditionBlocker(condition: Json | undefined): string | undefined {
  let found: string | undefined;
  visit(condition, (n) => {
    if (found) return;
    if (n.class === 'SUBQUERY' && n.subquery_type === 'SCALAR') found = 'a scalar subquery in a condition';
    if (n.type === 'OPERATOR_NOT' && contains(n, (x) => x.class === 'SUBQUERY')) found = 'NOT EXISTS or NOT IN on a subquery';
  }, true);
  return found;
}

/** The first column reference in `parts` (not inside subqueries) whose name is in `names`. */
function firstColumnIn(parts: readonly Json[], names: ReadonlySet<string>): string | undefined {
  let found: string | undefined;
  if (names.size === 0) return undefined;
  for (const part of parts) {
    visit(part, (n) => {
      if (!found && n.class === 'COLUMN_REF' && names.has(lastName(n))) found = lastName(n);
    }, true);
  }
  return found;
}

/** A column reference whose last name is `key` (`key`, `t.key`). */
function namesColumn(n: Json, key: string): boolean {
  return isObj(n) && n.class === 'COLUMN_REF' && lastName(n) === key;
}

function keyList(keys: readonly string[]): string {
  return keys.length === 1 ? `the key ${keys[0] ?? ''}` : `the key (${keys.join(', ')})`;
}
