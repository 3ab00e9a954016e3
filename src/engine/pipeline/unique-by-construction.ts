// Whether a model's SELECT returns each unique_key at most once by its very shape: its outermost
// level groups by exactly the key columns (GROUP BY or DISTINCT ON), with nothing that could
// multiply rows afterwards (set operations, unnest). Then the runner skips the duplicate-key
// scan, which on a large table costs as much as the model itself.
import { asArray, contains, isColumnNamed, isObj, isOrdinal, lastName, sameExpr, type Json, type Obj } from './parse-tree.js';

/** True when the analysed statement `tree` cannot return two rows with the same `keys`. */
export function uniqueByConstruction(tree: string, keys: readonly string[]): boolean {
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
  return false;
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
