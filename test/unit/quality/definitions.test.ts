// Bad check declarations that only the data can reveal, caught by the gate before any row is
// judged: each error names the file, the line of the field and the check.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { locateChecks, runQualityGate } from '../../../src/engine/quality/index.js';
import { IngotError } from '../../../src/shared/errors.js';
import { openTestDb, stageOrders, type TestDb } from './quality-db.js';

const FILE = 'models/silver/orders.yaml';
const STAGE = '"silver"."__stage_orders"';

describe('bad check definitions', () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await openTestDb();
    await stageOrders(t.conn);
  });
  afterEach(() => t.close());

  async function gateError(yamlText: string, knownTables?: string[]): Promise<IngotError> {
    const checks = (parse(yamlText) as { checks: unknown[] }).checks;
    const err = await runQualityGate({
      conn: t.conn,
      runId: 1,
      layer: 'silver',
      model: 'orders',
      stagingTable: STAGE,
      checks,
      file: FILE,
      positions: locateChecks(yamlText),
      ...(knownTables ? { knownTables } : {}),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngotError);
    return err as IngotError;
  }

  it('names an unknown column, its line, and the nearest real column', async () => {
    const e = await gateError(`checks:\n  - kind: row_count\n    min: 1\n  - kind: not_null\n    column: custmer_id\n`);
    expect(e.code).toBe('MODEL_INVALID');
    expect(e.message).toBe(
      `${FILE}:5: check not_null(custmer_id): column custmer_id is not in silver.orders (its columns: order_id, customer_id, status, total_amount, order_date, updated_at)`,
    );
    expect(e.hint).toBe('Did you mean customer_id?');
    expect(e.detail).toMatchObject({ file: FILE, line: 5, field: 'column', check: 'not_null(custmer_id)' });
  });

  it('rejects a range on a text column', async () => {
    const e = await gateError(`checks:\n  - kind: range\n    column: status\n    min: 0\n`);
    expect(e.message).toBe(`${FILE}:3: check range(status): a range needs a number, date or time column; status is VARCHAR`);
  });

  it('rejects a range bound that does not fit the column', async () => {
    const e = await gateError(`checks:\n  - kind: range\n    column: updated_at\n    min: "not a time"\n`);
    expect(e.message).toBe(`${FILE}:4: check range(updated_at): min "not a time" is not a TIMESTAMP value`);
  });

  it('rejects an invalid regex using DuckDB', async () => {
    const e = await gateError(`checks:\n  - kind: pattern\n    column: status\n    regex: "([a-z]+"\n`);
    expect(e.message).toMatch(/^models\/silver\/orders\.yaml:4: check pattern\(status\): invalid regular expression "\(\[a-z\]\+": .*missing \)/);
  });

  it('rejects relationships to a model that does not exist, and waits for one not built yet', async () => {
    const e = await gateError(`checks:\n  - kind: relationships\n    column: customer_id\n    to: silver.clients\n`);
    expect(e.message).toBe(`${FILE}:4: check relationships(customer_id -> silver.clients): relationships point to silver.clients, but no model or table silver.clients exists`);
    const field = await gateError(`checks:\n  - kind: relationships\n    column: customer_id\n    to: silver.customers\n    field: customer_idd\n`);
    expect(field.message).toContain(':5: check relationships(customer_id -> silver.customers.customer_idd): silver.customers has no column customer_idd');

    const result = await runQualityGate({
      conn: t.conn,
      runId: 1,
      layer: 'silver',
      model: 'orders',
      stagingTable: STAGE,
      checks: [{ kind: 'relationships', column: 'customer_id', to: 'silver.clients', severity: 'warn' }],
      file: FILE,
      knownTables: ['silver.clients', 'silver.orders'],
    });
    expect(result.results[0]).toMatchObject({ status: 'error', message: 'could not be judged: silver.clients has not been built yet; run it first (or before silver.orders)' });
    expect(result.outcome).toBe('warn');
  });

  it('rejects expressions that are not one boolean, and asserts that are not one SELECT', async () => {
    const notBool = await gateError(`checks:\n  - kind: expression\n    expression: total_amount * 2\n`);
    expect(notBool.message).toBe(`${FILE}:3: check expression(total_amount * 2): the expression must be TRUE or FALSE per row, but it is DECIMAL(18,2)`);
    const two = await gateError(`checks:\n  - kind: expression\n    name: sneaky\n    expression: "true); DROP TABLE silver.customers; SELECT (1"\n`);
    expect(two.message).toMatch(/:4: check sneaky: the expression is not one SQL expression: it contains a statement other than SELECT/);
    expect(await t.conn.one('SELECT count(*) AS n FROM silver.customers')).toEqual({ n: 5 });
    const badColumn = await gateError(`checks:\n  - kind: expression\n    name: e\n    expression: totl > 0\n`);
    expect(badColumn.message).toMatch(/:4: check e: the expression does not work on silver.orders: Binder Error: Referenced column "totl" not found/);
    const notSelect = await gateError(`checks:\n  - kind: assert\n    name: a\n    sql: DELETE FROM silver.customers\n`);
    expect(notSelect.message).toMatch(/:4: check a: sql is not one SELECT query/);
  });

  it('rejects a contract type DuckDB does not know', async () => {
    const e = await gateError(`checks:\n  - kind: contract\n    columns:\n      - { name: order_id, type: INTEGR }\n`);
    expect(e.message).toBe(`${FILE}:3: check contract: column order_id: "INTEGR" is not a DuckDB type`);
  });

  it('leaves the staging table intact when a definition is bad', async () => {
    await gateError(`checks:\n  - kind: not_null\n    column: nope\n    severity: quarantine\n`);
    expect(await t.conn.one(`SELECT count(*) AS n FROM ${STAGE}`)).toEqual({ n: 11 });
  });
});
