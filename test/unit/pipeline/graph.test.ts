// Dependencies come from DuckDB's parse tree: CTEs, subqueries, joins, set operations and quoted
// names resolve; bad models fail with a message naming the file, line and column.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/engine/db/duckdb.js';
import type { SqlConnection } from '../../../src/engine/db/connection.js';
import { buildGraph } from '../../../src/engine/pipeline/graph.js';
import type { ModelDef, Project } from '../../../src/engine/pipeline/model.js';
import { defaultModelConfig } from '../../../src/engine/pipeline/model-config.js';
import { analyzeSql } from '../../../src/engine/pipeline/sql-refs.js';
import { selectModels } from '../../../src/engine/pipeline/selection.js';
import { IngotError } from '../../../src/shared/errors.js';

function model(layer: ModelDef['layer'], name: string, sql: string, tags: string[] = []): ModelDef {
  return { id: `${layer}.${name}`, layer, name, sqlFile: `models/${layer}/${name}.sql`, sidecarFile: undefined, sql, config: { ...defaultModelConfig(), tags } };
}

function project(...models: ModelDef[]): Project {
  return { models, sources: [{ id: 'bronze.orders', name: 'orders', file: 'sources/orders.yaml' }, { id: 'bronze.customers', name: 'customers', file: 'sources/customers.yaml' }] };
}

async function withConn<T>(fn: (c: SqlConnection) => Promise<T>): Promise<T> {
  const db = await openDatabase(':memory:');
  try {
    return await db.withConnection(fn);
  } finally {
    db.close();
  }
}

async function graphError(p: Project, layerRule: 'warn' | 'fail' = 'warn'): Promise<IngotError> {
  const err = await withConn((c) => buildGraph(c, p, { layerRule })).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(IngotError);
  return err as IngotError;
}

describe('table references from the parser', () => {
  it('skips CTE names, finds subqueries, joins, UNION and quoted names', async () => {
    const sql = `WITH recent AS (SELECT * FROM bronze.orders WHERE order_date > '2024-01-01'),
      orders AS (SELECT * FROM recent)
    SELECT o.*, (SELECT max(x) FROM silver."Odd Name") AS m
    FROM orders o
    JOIN "silver"."stg_customers" c USING (customer_id)
    WHERE o.id IN (SELECT id FROM silver.flags)
    UNION ALL
    SELECT * FROM gold.other`;
    const a = await withConn((c) => analyzeSql(c, sql));
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    expect(a.refs.map((r) => `${r.schema}.${r.table}`).sort()).toEqual(['bronze.orders', 'gold.other', 'silver.Odd Name', 'silver.flags', 'silver.stg_customers']);
  });

  it('reports a syntax error with its line and column', async () => {
    const err = await graphError(project(model('silver', 'broken', 'SELECT order_id,\n  amount\nFROM bronze.orders\nWHERE amount >')));
    expect(err.code).toBe('MODEL_INVALID');
    expect(err.detail).toMatchObject({ file: 'models/silver/broken.sql', line: 4 });
    expect(err.message).toMatch(/^models\/silver\/broken\.sql:4:\d+: syntax error/);
    expect(err.message).toMatch(/line 4, column \d+/);
  });

  it('rejects a model that is not a SELECT', async () => {
    for (const sql of ['CREATE TABLE silver.x AS SELECT 1', 'DELETE FROM bronze.orders', 'INSERT INTO silver.x SELECT 1', 'SELECT 1; DROP TABLE bronze.orders']) {
      const err = await graphError(project(model('silver', 'ddl', sql)));
      expect(err.message).toMatch(/is not a SELECT/);
      expect(err.detail?.file).toBe('models/silver/ddl.sql');
    }
    const two = await graphError(project(model('silver', 'two', 'SELECT 1; SELECT 2')));
    expect(two.message).toMatch(/several statements/);
  });

  it('names the unknown table and where it is read', async () => {
    const err = await graphError(project(model('silver', 'a', 'SELECT *\nFROM bronze.orders\nJOIN bronze.refunds USING (order_id)')));
    expect(err.message).toBe('models/silver/a.sql:3:6: silver.a reads bronze.refunds, which no model or source produces.');
    expect(err.detail).toMatchObject({ line: 3, column: 6, table: 'refunds' });
    const unqualified = await graphError(project(model('silver', 'b', 'SELECT * FROM orders')));
    expect(unqualified.message).toMatch(/reads "orders" without a layer/);
    expect(unqualified.hint).toMatch(/bronze\.orders/);
  });

  it('detects cycles and names them', async () => {
    const err = await graphError(
      project(model('silver', 'a', 'SELECT * FROM silver.c'), model('silver', 'b', 'SELECT * FROM silver.a'), model('silver', 'c', 'SELECT * FROM silver.b')),
    );
    expect(err.message).toBe('Models depend on each other in a cycle: silver.a → silver.c → silver.b → silver.a.');
    const self = await graphError(project(model('silver', 'me', 'SELECT * FROM silver.me')));
    expect(self.message).toMatch(/reads its own table/);
  });

  it('warns about the layer rule by default and fails when configured', async () => {
    const p = project(model('gold', 'raw', 'SELECT *\n  FROM bronze.orders'));
    const graph = await withConn((c) => buildGraph(c, p, { layerRule: 'warn' }));
    expect(graph.warnings).toEqual([
      { model: 'gold.raw', file: 'models/gold/raw.sql', line: 2, column: 8, message: 'gold.raw reads bronze.orders, but gold models read silver or gold (layer rule).' },
    ]);
    const err = await graphError(p, 'fail');
    expect(err.message).toMatch(/^models\/gold\/raw\.sql:2:8: gold\.raw reads bronze\.orders/);
  });

  it('orders models topologically and selects by name, +name, name+, layer and tag', async () => {
    const p = project(
      model('gold', 'report', 'SELECT * FROM silver.orders JOIN silver.customers USING (customer_id)', ['finance']),
      model('silver', 'orders', 'SELECT * FROM bronze.orders'),
      model('silver', 'customers', 'SELECT * FROM bronze.customers'),
      model('gold', 'summary', 'SELECT count(*) FROM gold.report', ['finance']),
    );
    const graph = await withConn((c) => buildGraph(c, p, { layerRule: 'warn' }));
    const order = graph.order;
    expect(order.indexOf('silver.orders')).toBeLessThan(order.indexOf('gold.report'));
    expect(order.indexOf('gold.report')).toBeLessThan(order.indexOf('gold.summary'));
    expect(selectModels(graph, 'report').sort()).toEqual(['gold.report']);
    expect(selectModels(graph, '+report').sort()).toEqual(['gold.report', 'silver.customers', 'silver.orders']);
    expect(selectModels(graph, 'orders+').sort()).toEqual(['gold.report', 'gold.summary', 'silver.orders']);
    expect(selectModels(graph, 'layer:silver, tag:finance').sort()).toEqual(['gold.report', 'gold.summary', 'silver.customers', 'silver.orders']);
    expect(selectModels(graph, 'silver.customers gold.summary').sort()).toEqual(['gold.summary', 'silver.customers']);
    expect(selectModels(graph, '')).toHaveLength(4);
    expect(() => selectModels(graph, 'nope')).toThrow(/No model named "nope"/);
    expect(() => selectModels(graph, 'tag:none')).toThrow(/No model has the tag "none"/);
    // A typo gets the nearest name, compared like with like.
    expect(() => selectModels(graph, 'ordres')).toThrow('No model named "ordres". Did you mean orders?');
    expect(() => selectModels(graph, 'gold.sumary')).toThrow('No model named "gold.sumary". Did you mean gold.summary?');
    expect(() => selectModels(graph, 'tag:finanse')).toThrow('No model has the tag "finanse". Did you mean tag:finance?');
    expect(() => selectModels(graph, 'nope')).toThrow(/^No model named "nope"\.$/);
    expect(() => selectModels(graph, 'layer:platinum')).toThrow(/names no layer/);
  });
});
