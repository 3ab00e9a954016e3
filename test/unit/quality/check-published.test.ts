// `ingot check` and `ingot quarantine` on a real workspace: checks declared in sidecars and
// source YAML, evaluated on published tables without moving rows, and the CLI around them.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { checkPublished, loadWorkspaceChecks, runQualityGate, selectTargets } from '../../../src/engine/quality/index.js';
import { initWorkspace } from '../../../src/engine/workspace/init.js';
import { openWorkspace } from '../../../src/engine/workspace/workspace.js';
import { runCli } from '../../helpers/run-cli.js';
import { IngotError } from '../../../src/shared/errors.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { stageOrders } from './quality-db.js';

const ORDERS_YAML = `materialization: table
tags: [sales]
checks:
  - kind: not_null
    column: customer_id
    severity: quarantine
  - kind: accepted_values
    column: status
    values: [placed, paid, shipped, delivered, cancelled, returned]
    severity: warn
  - kind: relationships
    column: customer_id
    to: silver.customers
    severity: warn
  - kind: row_count
    min: 1
`;

async function workspace(ordersYaml = ORDERS_YAML): Promise<string> {
  const root = await tempDir('ingot-check-');
  await initWorkspace(root, { name: 'check-test' });
  await writeFile(join(root, 'models/silver/orders.sql'), 'SELECT * FROM bronze.orders\n');
  await writeFile(join(root, 'models/silver/orders.yaml'), ordersYaml);
  await writeFile(join(root, 'models/silver/customers.sql'), 'SELECT 1 AS customer_id\n');
  await mkdir(join(root, 'sources'), { recursive: true });
  await writeFile(join(root, 'sources/orders.yaml'), `kind: file\npath: data/orders/*.csv\nchecks:\n  - kind: freshness\n    batch: true\n    max_age: 24h\n`);
  const ws = await openWorkspace(root);
  await ws.db.withConnection(async (conn) => {
    await stageOrders(conn, 'silver.orders');
    await conn.run('CREATE TABLE bronze.orders AS SELECT 1 AS x');
  });
  ws.close();
  return root;
}

/** Runs the CLI in-process and returns its exit code and parsed JSON output. */
async function cli(args: string[]): Promise<{ code: number; json: Record<string, unknown> }> {
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  try {
    const code = await main([...args, '--json']);
    return { code, json: JSON.parse(chunks.join('')) as Record<string, unknown> };
  } finally {
    process.stdout.write = write;
    process.exitCode = undefined;
  }
}

describe('checks on published tables', () => {
  afterEach(() => {
    process.exitCode = undefined;
  });

  it('loads sidecar and source checks with their lines, and selects tables', async () => {
    const root = await workspace();
    const { declared, knownTables } = await loadWorkspaceChecks(root);
    expect(declared.map((d) => [d.layer, d.model, d.file, d.checks.length])).toEqual([
      ['bronze', 'orders', 'sources/orders.yaml', 1],
      ['silver', 'orders', 'models/silver/orders.yaml', 4],
    ]);
    expect(declared[1]?.positions?.map((p) => p.line)).toEqual([4, 7, 11, 15]);
    expect([...knownTables].sort()).toEqual(['bronze.orders', 'silver.customers', 'silver.orders']);
    expect(selectTargets(declared, ['orders']).length).toBe(2);
    expect(selectTargets(declared, ['layer:silver', 'tag:sales']).map((d) => d.layer)).toEqual(['silver']);
    expect(selectTargets(declared, ['silver.orders']).map((d) => d.model)).toEqual(['orders']);
    expect(() => selectTargets(declared, ['gold.nothing'])).toThrow(IngotError);
  });

  it('reports without moving rows and stores the results as a published check', async () => {
    const root = await workspace();
    const { declared, knownTables } = await loadWorkspaceChecks(root);
    const ws = await openWorkspace(root);
    try {
      const reports = await ws.db.withConnection((conn) => checkPublished(conn, declared, { knownTables }));
      const [bronze, silver] = reports;
      expect(bronze).toMatchObject({ layer: 'bronze', model: 'orders', outcome: 'warn' });
      expect(bronze?.results[0]).toMatchObject({ name: 'freshness(batch orders)', message: 'no batch of orders has been loaded' });
      expect(silver).toMatchObject({ outcome: 'warn', rowsChecked: 11 });
      expect(silver?.results.map((r) => [r.name, r.status, r.failingRows])).toEqual([
        ['not_null(customer_id)', 'warn', 1],
        ['accepted_values(status)', 'warn', 1],
        ['relationships(customer_id -> silver.customers)', 'warn', 1],
        ['row_count', 'pass', 0],
      ]);
      expect(silver?.results[0]?.message).toContain('the next run will quarantine them');
      expect(silver?.results[0]).toMatchObject({ file: 'models/silver/orders.yaml', line: 4 });
      await ws.db.withConnection(async (conn) => {
        expect(await conn.one('SELECT count(*) AS n FROM silver.orders')).toEqual({ n: 11 });
        expect(await conn.one("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'quarantine'")).toEqual({ n: 0 });
        expect(await conn.all("SELECT mode, layer, model, outcome FROM _ingot.check_runs ORDER BY layer")).toEqual([
          { mode: 'published', layer: 'bronze', model: 'orders', outcome: 'warn' },
          { mode: 'published', layer: 'silver', model: 'orders', outcome: 'warn' },
        ]);
      });
    } finally {
      ws.close();
    }
  });

  it('ingot check prints JSON, names a bad declaration with file and line, and exits 1 on failure', async () => {
    const root = await workspace(ORDERS_YAML.replace('column: status', 'column: state'));
    const { code, json } = await cli(['check', 'silver.orders', '-w', root]);
    expect(code).toBe(1);
    const [report] = json.tables as { outcome: string; error?: { message: string; hint: string } }[];
    expect(report?.outcome).toBe('error');
    expect(report?.error?.message).toMatch(/^models\/silver\/orders\.yaml:8: check accepted_values\(state\): column state is not in silver\.orders/);
    expect(report?.error?.hint).toBe('Did you mean status?');

    await writeFile(join(root, 'models/silver/orders.yaml'), ORDERS_YAML);
    const fixed = await cli(['check', 'layer:silver', '-w', root]);
    expect(fixed.code).toBe(0);
    expect(fixed.json.tables).toEqual([expect.objectContaining({ layer: 'silver', model: 'orders', outcome: 'warn', score: expect.any(Number) })]);
  });

  it('ingot quarantine lists held rows with reasons and releases them', async () => {
    const root = await workspace();
    const ws = await openWorkspace(root);
    await ws.db.withConnection(async (conn) => {
      await stageOrders(conn);
      await runQualityGate({
        conn,
        runId: 1,
        layer: 'silver',
        model: 'orders',
        stagingTable: '"silver"."__stage_orders"',
        checks: [
          { kind: 'not_null', column: 'customer_id', severity: 'quarantine' },
          { kind: 'accepted_values', column: 'status', values: ['placed', 'paid', 'shipped', 'delivered', 'cancelled'], severity: 'quarantine' },
        ],
        file: 'models/silver/orders.yaml',
      });
    });
    ws.close();

    const listed = await cli(['quarantine', 'orders', '-w', root]);
    expect(listed.code).toBe(0);
    expect(listed.json).toMatchObject({ ok: true, layer: 'silver', model: 'orders', held: 2, released: 0 });
    expect(listed.json.reasons).toEqual([
      { check: 'accepted_values(status)', rows: 1 },
      { check: 'not_null(customer_id)', rows: 1 },
    ]);
    const released = await cli(['quarantine', 'silver.orders', '--release', 'order_id = 8', '-w', root]);
    expect(released.json).toMatchObject({ ok: true, released: 1, releaseId: 1 });
    expect((await cli(['quarantine', 'orders', '--all', '-w', root])).json).toMatchObject({ held: 1, released: 1 });
    const missing = await cli(['quarantine', 'gold.nothing', '--release-all', '-w', root]);
    expect(missing.code).toBe(2);
    expect(missing.json).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // A name no model has is not guessed to be silver's.
    const unknown = await cli(['quarantine', 'nope', '-w', root]);
    expect(unknown.code).toBe(2);
    expect(unknown.json).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'No model named nope in this workspace.', hint: 'Models with quarantined rows: silver.orders.' } });
  });

  it('lets a relationships target that is a model of the workspace wait until it is built', async () => {
    const root = await workspace();
    await writeFile(join(root, 'models/silver/payments.sql'), 'SELECT 1 AS order_id\n');
    const ws = await openWorkspace(root);
    try {
      const result = await ws.db.withConnection(async (conn) => {
        await stageOrders(conn);
        return runQualityGate({
          conn,
          runId: 1,
          layer: 'silver',
          model: 'orders',
          stagingTable: '"silver"."__stage_orders"',
          checks: [{ kind: 'relationships', column: 'order_id', to: 'silver.payments', severity: 'error' }],
          file: 'models/silver/orders.yaml',
        });
      });
      expect(result.results[0]).toMatchObject({ status: 'error', message: expect.stringContaining('silver.payments has not been built yet') });
      expect(result.outcome).toBe('error');
    } finally {
      ws.close();
    }
  });

  it('finds the lines of a sidecar in the workspace when the caller passes none', async () => {
    const root = await workspace(ORDERS_YAML.replace('column: customer_id\n    severity: quarantine', 'column: customer\n    severity: quarantine'));
    const { declared } = await loadWorkspaceChecks(root);
    const ws = await openWorkspace(root);
    try {
      const err = await ws.db.withConnection(async (conn) => {
        await stageOrders(conn);
        const checks = declared.find((d) => d.layer === 'silver')?.checks ?? [];
        return runQualityGate({ conn, runId: 1, layer: 'silver', model: 'orders', stagingTable: '"silver"."__stage_orders"', checks, file: 'models/silver/orders.yaml' });
      }).catch((e: unknown) => e);
      expect((err as IngotError).message).toMatch(/^models\/silver\/orders\.yaml:5: check not_null\(customer\): column customer is not in silver\.orders/);
    } finally {
      ws.close();
    }
  });

  it('says a table\'s checks did not run, rather than "0 rows", when a check is declared wrong', async () => {
    const root = await workspace('checks:\n  - kind: not_null\n    column: no_such_column\n');
    const { code, out } = await runCli('-w', root, 'check', 'silver.orders');
    expect(code).toBe(1);
    expect(out.split('\n')[0]).toBe('silver.orders: error · its checks did not run');
    expect(out).not.toContain('0 rows');
    const fine = await runCli('-w', root, 'check', 'bronze.orders');
    expect(fine.out.split('\n')[0]).toBe('bronze.orders: warn · 1 row · score 50');
  });
});
