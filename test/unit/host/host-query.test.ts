// The engine host over RPC on a real workspace: hello, SQL and table pages as Arrow (decoded with
// apache-arrow), errors as data, cancellation, and a clean close.
import { tableFromIPC } from 'apache-arrow';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/engine/workspace/workspace.js';
import { API_VERSION } from '../../../src/shared/api/engine-api.js';
import { IngotError } from '../../../src/shared/errors.js';
import { connectedHost, type Connected } from './host-helpers.js';

let connected: Connected | undefined;
afterEach(async () => {
  await connected?.close();
  connected = undefined;
});

const failure = (p: Promise<unknown>): Promise<IngotError> => p.then(() => Promise.reject(new Error('expected a failure')), (e: unknown) => e as IngotError);

async function withOrders(): Promise<Connected> {
  connected = await connectedHost('shop');
  await connected.host.workspace.db.withConnection((c) =>
    c.run("CREATE TABLE bronze.orders AS SELECT range AS id, 'c' || (range % 3) AS customer, (range * 1.5)::DOUBLE AS amount FROM range(10)"),
  );
  return connected;
}

describe('engine host', () => {
  it('says hello with the workspace and refuses another API version', async () => {
    const { api, root } = await withOrders();
    const hello = await api.hello({ apiVersion: API_VERSION, client: 'test' });
    expect(hello.workspace).toEqual({ name: 'shop', root });
    expect(hello.engineVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect((await failure(api.hello({ apiVersion: API_VERSION + 1, client: 'test' }))).code).toBe('VERSION_MISMATCH');
  });

  it('answers SQL as Arrow IPC that apache-arrow decodes', async () => {
    const { api } = await withOrders();
    const result = await api.query({ sql: 'SELECT customer, sum(amount) AS total FROM bronze.orders GROUP BY customer ORDER BY customer' });
    expect(result.rowCount).toBe(3);
    expect(result.columns.map((c) => c.name)).toEqual(['customer', 'total']);
    const table = tableFromIPC(result.ipc);
    expect(table.numRows).toBe(3);
    expect(table.getChild('customer')?.toArray()).toEqual(['c0', 'c1', 'c2']);
    expect(Number(table.getChild('total')?.get(0))).toBe(27);
    const limited = await api.query({ sql: 'SELECT * FROM bronze.orders', limit: 4 });
    expect(limited.rowCount).toBe(4);
  });

  it('pages a query\'s own result by offset', async () => {
    const { api } = await withOrders();
    const page = await api.query({ sql: 'SELECT id FROM bronze.orders WHERE id % 2 = 1 ORDER BY id DESC', offset: 1, limit: 2 });
    expect(Array.from(tableFromIPC(page.ipc).getChild('id')?.toArray() ?? [], Number)).toEqual([7, 5]);
  });

  it('keeps an editor query\'s result, so every page comes from the same rows, even without an order', async () => {
    const { api, host } = await withOrders();
    await host.workspace.db.withConnection((c) => c.run('CREATE TABLE bronze.events AS SELECT range % 1000 AS k FROM range(300000)'));
    // A parallel GROUP BY without ORDER BY: each run may return its groups in another order.
    const sql = 'SELECT k, count(*) AS n FROM bronze.events GROUP BY k';
    const result = await api.runSql({ sql });
    expect(result).toMatchObject({ rowCount: 1000, truncated: false, columns: [{ name: 'k', type: 'BIGINT' }, { name: 'n', type: 'BIGINT' }] });
    const keys = async (offset: number, limit: number): Promise<number[]> =>
      Array.from(tableFromIPC((await api.resultPage({ resultId: result.resultId, offset, limit })).ipc).getChild('k')?.toArray() ?? [], Number);
    const whole = await keys(0, 1000);
    const paged = [...(await keys(0, 300)), ...(await keys(300, 300)), ...(await keys(600, 400))];
    expect(paged).toEqual(whole);
    expect(new Set(whole).size).toBe(1000);
    expect(await keys(990, 100)).toHaveLength(10);
  });

  it('keeps results read-only, relocates their errors, drops the oldest, and refuses what cannot be kept', async () => {
    const { api, host } = await withOrders();
    await host.workspace.db.withConnection((c) => c.run('CREATE SEQUENCE bronze.ids'));
    const write = (await api.runSql({ sql: "SELECT nextval('bronze.ids') AS id" }).catch((e: unknown) => e)) as IngotError;
    expect(write.code).toBe('INVALID_INPUT');
    expect(write.message).toContain('read-only');
    const typo = (await api.runSql({ sql: 'SELECT id,\n  amout\nFROM bronze.orders' }).catch((e: unknown) => e)) as IngotError;
    expect(typo.code).toBe('SQL_ERROR');
    expect(typo.detail).toMatchObject({ line: 2 });
    const explain = (await api.runSql({ sql: 'EXPLAIN SELECT * FROM bronze.orders' }).catch((e: unknown) => e)) as IngotError;
    expect(explain.detail?.reason).toBe('not-keepable');

    const first = await api.runSql({ sql: 'SELECT 1 AS one' });
    for (let i = 0; i < 4; i++) await api.runSql({ sql: `SELECT ${i} AS x` });
    const gone = (await api.resultPage({ resultId: first.resultId, offset: 0, limit: 10 }).catch((e: unknown) => e)) as IngotError;
    expect(gone.code).toBe('NOT_FOUND');
  });

  it('suggests what may follow the text before the cursor: tables of a schema, columns, keywords', async () => {
    const { api } = await withOrders();
    const tables = await api.completeSql({ sql: 'SELECT * FROM bronze.or' });
    expect(tables.suggestions).toContainEqual({ text: 'orders', start: 'SELECT * FROM bronze.'.length });
    const columns = await api.completeSql({ sql: 'SELECT amo' });
    expect(columns.suggestions.map((s) => s.text)).toContain('amount');
    const keywords = await api.completeSql({ sql: 'SEL' });
    expect(keywords.suggestions[0]).toEqual({ text: 'SELECT', start: 0 });
    // Offsets count characters, not UTF-8 bytes.
    const accented = await api.completeSql({ sql: "SELECT 'é' AS x, amo" });
    expect(accented.suggestions).toContainEqual({ text: 'amount', start: "SELECT 'é' AS x, ".length });
  });

  it('pages a table, sorted, and names a missing table', async () => {
    const { api } = await withOrders();
    const page = await api.tablePage({ layer: 'bronze', table: 'orders', offset: 2, limit: 3, sort: [{ column: 'id', descending: true }] });
    expect(Array.from(tableFromIPC(page.ipc).getChild('id')?.toArray() ?? [], Number)).toEqual([7, 6, 5]);
    const missing = await failure(api.tablePage({ layer: 'silver', table: 'orders', offset: 0, limit: 10 }));
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.message).toContain('silver.orders');
  });

  it('reports SQL errors and refused writes as data, and changes nothing', async () => {
    const { api, host } = await withOrders();
    const unknownColumn = await failure(api.query({ sql: 'SELECT id,\n  amout\nFROM bronze.orders' }));
    expect(unknownColumn.code).toBe('SQL_ERROR');
    expect(unknownColumn.message).toContain('amout');
    expect(unknownColumn.detail?.line).toBe(2);
    const write = await failure(api.query({ sql: 'DELETE FROM bronze.orders' }));
    expect(write.code).toBe('INVALID_INPUT');
    expect(await host.workspace.db.withConnection((c) => c.one('SELECT count(*) AS n FROM bronze.orders'))).toEqual({ n: 10 });
  });

  it('cancels a long query through the call signal and keeps serving', async () => {
    const { api } = await withOrders();
    const controller = new AbortController();
    const slow = api.query({ sql: 'SELECT sum(a.range * b.range) AS s FROM range(200000) a, range(50000) b' }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    expect((await failure(slow)).code).toBe('CANCELLED');
    expect((await api.query({ sql: 'SELECT 42 AS answer' })).rowCount).toBe(1);
  });

  it('closes the workspace on close, so another process may open it', async () => {
    const c = await withOrders();
    await c.close();
    connected = undefined;
    const again = await openWorkspace(c.root);
    again.close();
  });
});
