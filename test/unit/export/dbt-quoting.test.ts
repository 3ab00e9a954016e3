// Column names in a dbt export that need quoting (spaces, symbols, mixed case, DuckDB keywords):
// schema.yml and sources.yml mark them `quote: true`, a relationships test's `field:` is written
// quoted, and the SQL dbt's built-in test macros make from them runs in DuckDB and fails where
// Ingot's checks fail. Plain lower-case names stay unquoted; a name with a double quote inside, which
// dbt cannot quote, gets no generic test and the export says why.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { SqlConnection } from '../../../src/engine/db/connection.js';
import { exportDbt } from '../../../src/engine/export/index.js';
import { runPipeline } from '../../../src/engine/pipeline/runner.js';
import { checkPublished, loadWorkspaceChecks } from '../../../src/engine/quality/index.js';
import { openWorkspace } from '../../../src/engine/workspace/workspace.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { appendBatch, createWorkspace, writeModel } from '../pipeline/helpers.js';

type Test = Record<string, { values?: string[]; to?: string; field?: string }>;
interface Column {
  name: string;
  quote?: boolean;
  data_tests?: Test[];
}

const CHECKS = [
  { kind: 'not_null', column: 'Order Date', severity: 'warn' },
  { kind: 'unique', column: 'Order ID', severity: 'warn' },
  { kind: 'accepted_values', column: 'group', values: ['a', 'b'], severity: 'warn' },
  { kind: 'not_null', column: 'Amount (€)', severity: 'warn' },
  { kind: 'not_null', column: 'CustomerName', severity: 'warn' },
  { kind: 'not_null', column: 'note', severity: 'warn' },
  { kind: 'relationships', column: 'Order ID', to: 'bronze.known', field: 'Known ID', severity: 'warn' },
  { kind: 'not_null', column: 'say "hi"', severity: 'warn' },
];

/** The SQL of dbt's built-in test `test` on `column` of `model`, as its default macro writes it. */
function dbtTestSql(model: string, column: Column, test: Test): string {
  const [kind = '', args = {}] = Object.entries(test)[0] ?? [];
  const col = column.quote === true ? `"${column.name}"` : column.name; // dbt's adapter.quote
  switch (kind) {
    case 'not_null':
      return `select ${col} from ${model} where ${col} is null`;
    case 'unique':
      return `select ${col} as unique_field, count(*) as n_records from ${model} where ${col} is not null group by ${col} having count(*) > 1`;
    case 'accepted_values': {
      const values = (args.values ?? []).map((v) => `'${v}'`).join(', ');
      return `with all_values as (select ${col} as value_field, count(*) as n_records from ${model} group by ${col}) select * from all_values where value_field not in (${values})`;
    }
    case 'relationships': {
      const to = /^source\('bronze', '(.+)'\)$/.exec(args.to ?? '')?.[1];
      return `with child as (select ${col} as from_field from ${model} where ${col} is not null), parent as (select ${args.field} as to_field from bronze."${to}")
        select from_field from child left join parent on child.from_field = parent.to_field where parent.to_field is null`;
    }
    default:
      throw new Error(`no simulation of dbt's ${kind} test`);
  }
}

/** Failing rows of each generic test in `columns`, by test name, run as dbt would run them. */
async function runTests(conn: SqlConnection, model: string, columns: readonly Column[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const column of columns) {
    for (const test of column.data_tests ?? []) {
      const name = String((Object.values(test)[0] as { name?: string } | undefined)?.name);
      out[name] = Number((await conn.one<{ n: number }>(`SELECT count(*) AS n FROM (${dbtTestSql(model, column, test)})`))?.n);
    }
  }
  return out;
}

describe('ingot export dbt: column names that need quoting', () => {
  it('marks them quote: true, so the SQL of dbt\'s built-in tests runs and fails where Ingot\'s checks fail', async () => {
    const root = await createWorkspace();
    await writeModel(root, 'silver', 's', 'SELECT * EXCLUDE (_batch_id, _source_file, _row_number, _loaded_at) FROM bronze.orders', { materialization: 'table', checks: CHECKS });
    const ws = await openWorkspace(root);
    const dir = join(await tempDir(), 'dbt');
    try {
      await appendBatch(
        ws,
        'orders',
        `SELECT * FROM (VALUES (1, DATE '2025-01-01', 'a', 1.5, 'Ann', 'x', 1), (2, NULL, 'c', NULL, 'Bo', 'y', 1), (2, DATE '2025-01-03', 'b', 2.0, NULL, NULL, NULL), (9, DATE '2025-01-04', 'a', 3.0, 'Cy', 'z', 1))
         t("Order ID", "Order Date", "group", "Amount (€)", "CustomerName", note, "say ""hi""")`,
      );
      await appendBatch(ws, 'known', 'SELECT * FROM (VALUES (1), (2)) t("Known ID")');
      expect((await runPipeline(ws)).status).toBe('success');
      const result = await exportDbt(ws, dir);

      const schema = parse(await readFile(join(dir, 'models/silver/schema.yml'), 'utf8')) as { models: { name: string; columns: Column[] }[] };
      const columns = schema.models.find((m) => m.name === 's')?.columns ?? [];
      const quoted = Object.fromEntries(columns.map((c) => [c.name, c.quote ?? false]));
      expect(quoted).toEqual({ 'Order ID': true, 'Order Date': true, group: true, 'Amount (€)': true, CustomerName: true, note: false, 'say "hi"': true });
      // dbt's quoting does not double a quote inside a name: no generic test there, and the reason.
      expect(columns.find((c) => c.name === 'say "hi"')?.data_tests).toBeUndefined();
      expect(result.checks.find((c) => c.check === 'not_null(say "hi")')).toMatchObject({
        becomes: [],
        lost: ['dbt cannot quote the column name say "hi" in its not_null test, because the name contains a double quote; rename the column'],
      });
      const relationship = columns.find((c) => c.name === 'Order ID')?.data_tests?.find((t) => 'relationships' in t)?.relationships;
      expect(relationship?.field).toBe('"Known ID"');

      const sources = parse(await readFile(join(dir, 'models/sources.yml'), 'utf8')) as { sources: { tables: { name: string; columns: Column[] }[] }[] };
      const orders = sources.sources[0]?.tables.find((t) => t.name === 'orders')?.columns ?? [];
      expect(orders.filter((c) => c.quote === true).map((c) => c.name)).toEqual(['Order ID', 'Order Date', 'group', 'Amount (€)', 'CustomerName', 'say "hi"']);
      expect(orders.find((c) => c.name === '_batch_id')?.quote).toBeUndefined();

      // Each test, run as dbt would, fails where the Ingot check it came from fails (dbt's unique
      // returns each repeated key once, Ingot counts every row of it).
      const { declared, knownTables } = await loadWorkspaceChecks(root);
      const { dbt, ingot } = await ws.db.withConnection(async (conn) => {
        const [report] = await checkPublished(conn, declared, { knownTables });
        return { dbt: await runTests(conn, 'silver.s', columns), ingot: new Map((report?.results ?? []).map((r) => [r.name, r.failingRows])) };
      });
      const fromCheck = Object.fromEntries(result.checks.filter((c) => c.becomes.length > 0).map((c) => [/ test (\S+) on /.exec(c.becomes[0] ?? '')?.[1], ingot.get(c.check)]));
      expect(fromCheck).toEqual({ ...Object.fromEntries(Object.keys(dbt).map((t) => [t, 1])), s__unique_order_id: 2 });
      expect(dbt).toEqual({
        s__unique_order_id: 1,
        s__relationships_order_id_bronze_known_known_id: 1,
        s__not_null_order_date: 1,
        s__accepted_values_group: 1,
        s__not_null_amount: 1,
        s__not_null_customername: 1,
        s__not_null_note: 1,
      });
    } finally {
      ws.close();
    }
  });
});
