// The SELECT list that reads detected columns as the types a load wants (overrides, widened or
// existing bronze types), for formats whose reader cannot take column types itself.
import type { ColumnInfo } from '../../db/connection.js';
import { ident } from '../../db/sql.js';

/** `"a", CAST("b" AS DOUBLE) AS "b", …` for `target`, given what the reader produces. */
export function castSelect(detected: readonly ColumnInfo[], target: readonly ColumnInfo[]): string {
  const detectedTypes = new Map(detected.map((c) => [c.name, c.type]));
  return target
    .map((c) => (detectedTypes.get(c.name) === c.type ? ident(c.name) : `CAST(${ident(c.name)} AS ${c.type}) AS ${ident(c.name)}`))
    .join(', ');
}
