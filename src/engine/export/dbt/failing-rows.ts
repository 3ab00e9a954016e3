// The SQL of a check that becomes a dbt singular test: a SELECT returning the rows that fail it
// (dbt fails a test that returns rows). Row conditions come from the quality layer, so the test
// fails exactly the rows Ingot's check fails. The SQL names the checked table as `"layer"."name"`;
// jinja-sql.ts then writes it, and every other table it reads, as a dbt relation.
import type { ColumnInfo } from '../../db/connection.js';
import { ident, sqlValue } from '../../db/sql.js';
import type { CheckDef } from '../../quality/index.js';
import { failCondition, uniqueFailuresSql, type ColumnLookup } from '../../quality/row-conditions.js';

/** The failing rows of `def` on `table` (a quoted name), or undefined when a SELECT cannot say them. */
export function failingRowsSql(def: CheckDef, table: string, column: ColumnLookup, columns: readonly ColumnInfo[]): string | undefined {
  switch (def.kind) {
    case 'not_null':
    case 'accepted_values':
    case 'range':
    case 'pattern':
    case 'expression':
      return `SELECT * FROM ${table}\nWHERE ${failCondition(def, column)}`;
    case 'unique':
      // Every row of a repeated key: dbt reports duplicates, it cannot keep the latest one.
      return uniqueFailuresSql({ ...def, dedup: 'quarantine_all' }, table, column, columns);
    case 'row_count': {
      const outside = [def.min !== undefined ? `count(*) < ${sqlValue(def.min)}` : '', def.max !== undefined ? `count(*) > ${sqlValue(def.max)}` : ''];
      return `SELECT count(*) AS row_count FROM ${table}\nHAVING ${outside.filter((c) => c !== '').join(' OR ')}`;
    }
    case 'assert':
      return `WITH this AS (SELECT * FROM ${table})\nSELECT * FROM (\n${def.sql}\n) AS failing_rows`;
    case 'freshness': {
      if (def.column === undefined) return undefined;
      const newest = `max(${ident(column(def.column).name)})`;
      return `SELECT ${newest} AS newest FROM ${table}\nHAVING ${newest} IS NULL OR epoch(now()) - epoch(${newest}::TIMESTAMPTZ) > ${sqlValue(def.maxAgeSeconds)}`;
    }
    case 'relationships':
    case 'anomaly':
    case 'contract':
      return undefined;
  }
}
