// Every kind of check in a dbt export: built-in generic tests where dbt has them, singular tests
// that return exactly the rows (or the one row) Ingot's own check fails on the same table, and a
// reason for each part that cannot come along (anomaly, contract types, % thresholds, dedup).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ident } from '../../../src/engine/db/sql.js';
import { exportDbt } from '../../../src/engine/export/index.js';
import { runPipeline } from '../../../src/engine/pipeline/runner.js';
import { checkPublished, loadWorkspaceChecks } from '../../../src/engine/quality/index.js';
import { openWorkspace } from '../../../src/engine/workspace/workspace.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { appendBatch, createWorkspace, writeModel } from '../pipeline/helpers.js';
import { renderDbtSql } from './helpers.js';

const CHECKS = [
  { kind: 'range', column: 'qty', min: 0, max: 10, severity: 'warn' },
  { kind: 'pattern', column: 'code', regex: '^[A-Z]{2}[0-9]+$', severity: 'warn' },
  { kind: 'expression', name: 'small_double', expression: 'qty * 2 < 15', severity: 'warn', error_if: '>3' },
  { kind: 'assert', name: 'no_bad_code', sql: "SELECT * FROM this WHERE code = 'BAD' AND id IN (SELECT id FROM bronze.items);", severity: 'warn' },
  { kind: 'row_count', min: 100, severity: 'warn' },
  { kind: 'unique', columns: ['code', 'qty'], severity: 'warn' },
  { kind: 'freshness', column: 'ts', max_age: '1h', severity: 'warn' },
  { kind: 'anomaly', row_count: true },
  { kind: 'contract', columns: [{ name: 'id', type: 'BIGINT', nullable: false }], primary_key: 'id', allow_extra_columns: false, severity: 'warn' },
  { kind: 'relationships', column: 'code', to: 'bronze.items', field: 'code', severity: 'warn' },
  { kind: 'not_null', column: 'code', severity: 'warn', warn_if: '>5%' },
  { kind: 'accepted_values', column: 'qty', values: [1, 2, 3, 12], severity: 'warn' },
];

describe('ingot export dbt: checks', () => {
  it('carries every kind of check over as far as dbt can, and says why for the rest', async () => {
    const root = await createWorkspace();
    await writeModel(root, 'silver', 'items', 'SELECT id, code, qty, ts FROM bronze.items', { materialization: 'table', checks: CHECKS });
    const ws = await openWorkspace(root);
    const dir = join(await tempDir(), 'dbt');
    try {
      await appendBatch(
        ws,
        'items',
        `SELECT * FROM (VALUES (1, 'AB1', 2, TIMESTAMP '2024-01-01'), (2, 'BAD', 12, TIMESTAMP '2024-01-02'), (3, 'AB1', 2, TIMESTAMP '2024-01-03'), (4, 'cd4', -1, TIMESTAMP '2024-01-04'))
         t(id, code, qty, ts)`,
      );
      expect((await runPipeline(ws)).status).toBe('success');
      const result = await exportDbt(ws, dir);
      const lost = Object.fromEntries(result.checks.map((c) => [c.check, c.lost]));
      expect(lost).toEqual({
        'range(qty)': [],
        'pattern(code)': [],
        small_double: [],
        no_bad_code: [],
        row_count: [],
        'unique(code, qty)': [],
        'freshness(ts)': [],
        anomaly: ["anomaly checks compare each run's metrics with the history Ingot keeps in its database; dbt has no built-in test for that"],
        contract: [
          "column types: dbt enforces types only in a model contract that lists every column, so they are not checked (schema.yml shows each column's data_type)",
          'allow_extra_columns: false: dbt has no test for columns a model should not have',
        ],
        'relationships(code -> bronze.items)': [],
        'not_null(code)': ['warn_if ">5%" compares a share of the rows, which dbt cannot (it counts failing rows); the dbt test warns on any failing row'],
        'accepted_values(qty)': [],
      });

      const schema = parse(await readFile(join(dir, 'models/silver/schema.yml'), 'utf8')) as { models: { columns: { name: string; data_tests?: unknown[] }[] }[] };
      const tests = Object.fromEntries((schema.models[0]?.columns ?? []).map((c) => [c.name, c.data_tests ?? []]));
      expect(tests.id).toEqual([
        { not_null: { name: 'items__contract__not_null__id', config: { severity: 'warn' } } },
        { unique: { name: 'items__contract__unique__id', config: { severity: 'warn' } } },
      ]);
      expect(tests.code).toEqual([
        { relationships: { name: 'items__relationships_code_bronze_items', to: "source('bronze', 'items')", field: 'code', config: { severity: 'warn' } } },
        { not_null: { name: 'items__not_null_code', config: { severity: 'warn' } } },
      ]);
      expect(tests.qty).toEqual([{ accepted_values: { name: 'items__accepted_values_qty', values: ['1', '2', '3', '12'], quote: false, config: { severity: 'warn' } } }]);

      // Each singular test returns as many rows as Ingot's check counts failing on the same table.
      const { declared, knownTables } = await loadWorkspaceChecks(root);
      const counts = await ws.db.withConnection(async (conn) => {
        const [report] = await checkPublished(conn, declared, { knownTables });
        const ingot = Object.fromEntries((report?.results ?? []).map((r) => [r.name, r.failingRows]));
        const dbt: Record<string, number> = {};
        for (const c of result.checks) {
          const file = c.becomes.find((b) => b.startsWith('singular test '))?.slice('singular test '.length);
          if (file === undefined) continue;
          const sql = renderDbtSql(await readFile(join(dir, file), 'utf8'), (m) => `silver.${ident(m)}`);
          dbt[c.check] = Number((await conn.one<{ n: number }>(`SELECT count(*) AS n FROM (${sql.replace(/^--.*\n/gm, '')})`))?.n);
        }
        return { ingot, dbt };
      });
      expect(Object.keys(counts.dbt).sort()).toEqual(['freshness(ts)', 'no_bad_code', 'pattern(code)', 'range(qty)', 'row_count', 'small_double', 'unique(code, qty)']);
      for (const [check, n] of Object.entries(counts.dbt)) expect(n, check).toBe(counts.ingot[check]);
      expect(counts.dbt).toMatchObject({ 'range(qty)': 2, 'pattern(code)': 2, no_bad_code: 1, row_count: 1, 'unique(code, qty)': 2, 'freshness(ts)': 1 });
      expect(await readFile(join(dir, 'tests/silver/items__small_double.sql'), 'utf8')).toContain("{{ config(error_if='>3') }}");
      expect(await readFile(join(dir, 'tests/silver/items__no_bad_code.sql'), 'utf8')).toContain("id IN (SELECT id FROM {{ source('bronze', 'items') }})");
    } finally {
      ws.close();
    }
  });
});
