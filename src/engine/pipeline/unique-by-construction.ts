// Whether a model's SELECT returns each unique_key at most once by its very shape, so the runner
// can skip the duplicate-key scan (on a large table it costs a good share of the model itself):
//   * its outermost level groups by exactly the key columns (GROUP BY or DISTINCT ON), or
//   * it projects the key columns of one input whose own unique_key they include, and every
//     other input is joined on equalities covering that input's unique_key (so each row finds
//     at most one partner) — the usual fact table built from keyed silver models.
// Nothing may multiply rows afterwards (set operations, unnest). Input keys are trusted only for
// models the runner itself keeps unique (incremental models with unique_key).
import { asArray, contains, isColumnNamed, isObj, isOrdinal, lastName, sameExpr, type Json, type Obj } from './parse-tree.js';

/** The enforced unique key of input `schema.table` (lower case), if it has one. */
export type UniqueKeyOf = (schema: string, table: string) => readonly string[] | undefined;

/** True when the analysed statement `tree` cannot return two rows with the same `keys`. */
export function uniqueByConstruction(tree: string, keys: readonly string[], uniqueKeyOf: UniqueKeyOf = () => undefined): boolean {
  const parsed = JSON.parse(tree) as Json;
  const statement = isObj(parsed) && Array.isArray(parsed.statements) ? parsed.statements[0] : undefined;
  const node = isObj(statement) && isObj(statement.node) ? statement.node : undefined;
  if (!node || node.type !== 'SELECT_NODE' || keys.length === 0) return false;
  const list = asArray(node.select_list);
  if (contains(list, (n) => n.class === 'FUNCTION' && typeof n.function_name === 'string' && /^(unnest|generate_subscripts)$/i.test(n.function_name))) return false;
  const items = keys.map((k) => keyItem(list, k.toLowerCase()));
  if (items.some((i) => i === undefined)) return false;
  const groups = asArray(node.group_expressions);
  if (groups.length > 0 && asArray(node.group_sets).length <= 1) return sameSet(groups, keys, items as KeyItem[]);
  for (const m of asArray(node.modifiers)) {
    if (isObj(m) && m.type === 'DISTINCT_MODIFIER' && asArray(m.distinct_on_targets).length > 0) return sameSet(asArray(m.distinct_on_targets), keys, items as KeyItem[]);
  }
  if (groups.length > 0 || node.aggregate_handling === 'FORCE_AGGREGATES') return false;
  return keyPreservingJoin(node.from_table, (items as KeyItem[]).map((i) => i.expr), uniqueKeyOf);
}

interface JoinLeaf {
  alias: string;
  schema: string;
  table: string;
  preserved: boolean;
}

/** The key columns are one input's unique key, and every other input matches at most once. */
function keyPreservingJoin(from: Json | undefined, keyExprs: readonly Obj[], uniqueKeyOf: UniqueKeyOf): boolean {
  const leaves: JoinLeaf[] = [];
  const conditions: { right: JoinLeaf; equalities: [string, string][]; using: string[] }[] = [];
  const walk = (f: Json | undefined, preserved: boolean): JoinLeaf | false | undefined => {
    if (!isObj(f)) return false;
    if (f.type === 'BASE_TABLE') {
      if (!f.schema_name || f.catalog_name) return false;
      const leaf = { alias: String(f.alias || f.table_name).toLowerCase(), schema: String(f.schema_name).toLowerCase(), table: String(f.table_name).toLowerCase(), preserved };
      leaves.push(leaf);
      return leaf;
    }
    if (f.type !== 'JOIN' || f.ref_type !== 'REGULAR' || (f.join_type !== 'INNER' && f.join_type !== 'LEFT')) return false;
    if (walk(f.left, preserved) === false) return false;
    const right = walk(f.right, preserved && f.join_type === 'INNER');
    if (!right) return false;
    conditions.push({ right, equalities: equalities(f.condition), using: asArray(f.using_columns).map((c) => String(c).toLowerCase()) });
    return undefined;
  };
  if (walk(from, true) === false) return false;
  const refs = keyExprs.map((e) => (e.class === 'COLUMN_REF' ? asArray(e.column_names).map((n) => String(n).toLowerCase()) : []));
  if (refs.some((r) => r.length === 0 || r.length > 2)) return false;
  const owner = leaves.length === 1 ? leaves[0] : leaves.find((l) => refs.every((r) => r.length === 2 && r[0] === l.alias));
  if (!owner?.preserved) return false;
  const ownKey = uniqueKeyOf(owner.schema, owner.table);
  const projected = new Set(refs.map((r) => r[r.length - 1]));
  if (!ownKey || ownKey.length === 0 || !ownKey.every((k) => projected.has(k.toLowerCase()))) return false;
  for (const leaf of leaves) {
    if (leaf === owner) continue;
    const key = uniqueKeyOf(leaf.schema, leaf.table);
    const joined = conditions.find((c) => c.right === leaf);
    if (!key || key.length === 0 || !joined) return false;
    const bound = new Set([...joined.using, ...joined.equalities.filter(([alias]) => alias === leaf.alias).map(([, col]) => col)]);
    if (!key.every((k) => bound.has(k.toLowerCase()))) return false;
  }
  return true;
}

/** `alias.column` pairs fixed by `x.col = <expression not reading x>` conjuncts of a join condition. */
function equalities(condition: Json | undefined): [string, string][] {
  if (!isObj(condition)) return [];
  if (condition.type === 'CONJUNCTION_AND') return asArray(condition.children).flatMap((c) => equalities(c));
  if (condition.type !== 'COMPARE_EQUAL') return [];
  const out: [string, string][] = [];
  for (const [side, other] of [[condition.left, condition.right], [condition.right, condition.left]] as const) {
    if (!isObj(side) || side.class !== 'COLUMN_REF') continue;
    const names = asArray(side.column_names).map((n) => String(n).toLowerCase());
    if (names.length !== 2) continue;
    const alias = names[0] ?? '';
    const readsSame = contains(other, (n) => n.class === 'COLUMN_REF' && String(asArray(n.column_names)[0] ?? '').toLowerCase() === alias && asArray(n.column_names).length === 2);
    if (!readsSame) out.push([alias, names[1] ?? '']);
  }
  return out;
}

interface KeyItem {
  expr: Obj;
  index: number;
}

function keyItem(list: Json[], key: string): KeyItem | undefined {
  const matches = list
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => isObj(item) && (String(item.alias ?? '').toLowerCase() === key || (!item.alias && item.class === 'COLUMN_REF' && lastName(item) === key)));
  const m = matches.length === 1 ? matches[0] : undefined;
  if (m && isObj(m.item)) return { expr: m.item, index: m.index };
  if (matches.length > 0) return undefined;
  // `SELECT DISTINCT ON (key) *`: the key passes through an unmodified star.
  const stars = list.filter((item) => isObj(item) && item.class === 'STAR');
  const star = stars[0];
  const plain = stars.length === 1 && isObj(star) && star.columns !== true && ['exclude_list', 'replace_list', 'rename_list'].every((f) => asArray(star[f]).length === 0);
  return plain ? { expr: { class: 'COLUMN_REF', type: 'COLUMN_REF', alias: '', column_names: [key] }, index: -1 } : undefined;
}

/** Every grouping expression is one of the keys, and every key is grouped. */
function sameSet(groups: Json[], keys: readonly string[], items: KeyItem[]): boolean {
  const covers = (g: Json, i: number): boolean => {
    const item = items[i];
    const key = keys[i]?.toLowerCase() ?? '';
    return item !== undefined && (sameExpr(g, item.expr) || isColumnNamed(g, key) || isOrdinal(g, item.index));
  };
  return groups.every((g) => keys.some((_, i) => covers(g, i))) && keys.every((_, i) => groups.some((g) => covers(g, i)));
}
