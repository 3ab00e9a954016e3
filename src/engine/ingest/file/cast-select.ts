// The SELECT list that reads detected columns as the types a load wants (overrides, widened or
// existing bronze types), for formats whose reader cannot take column types itself.
import type { ColumnInfo } from '../../db/connection.js';
import { ident } from '../../db/sql.js';
import { castToType } from '../nested-text.js';

/** `"a", CAST("b" AS DOUBLE) AS "b", …` for `target`, given what the reader produces (nested values as JSON text when `target` is text). */
export function castSelect(detected: readonly ColumnInfo[], target: readonly ColumnInfo[]): string {
  const detectedTypes = new Map(detected.map((c) => [c.name, c.type]));
  return target
    .map((c) => {
      const from = detectedTypes.get(c.name);
      return from === c.type ? ident(c.name) : `${castToType(ident(c.name), from ?? c.type, c.type)} AS ${ident(c.name)}`;
    })
    .join(', ');
}
