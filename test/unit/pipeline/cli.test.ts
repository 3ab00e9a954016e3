// `ingot run`, `ingot plan` and `ingot runs`, called through the CLI entry point with --json and
// in text: exit codes, the run history they show, interrupted runs, and a workspace another
// process holds (the run fails with the driver's WORKSPACE_LOCKED message, nothing is written).
import { afterEach, describe, expect, it } from 'vitest';
import { holdDatabase } from '../../helpers/lock-holder.js';
import { main } from '../../../src/cli/main.js';
import { openWorkspace } from '../../../src/engine/workspace/workspace.js';
import { appendBatch, createWorkspace, writeModel } from './helpers.js';

let captured = '';
const realWrite = process.stdout.write.bind(process.stdout);
const realErr = process.stderr.write.bind(process.stderr);

async function ingot(...args: string[]): Promise<{ code: number; out: string }> {
  captured = '';
  process.stdout.write = ((chunk: string | Uint8Array) => {
    captured += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  const previous = process.exitCode;
  process.exitCode = undefined;
  try {
    const code = await main(args);
    return { code, out: captured };
  } finally {
    process.stdout.write = realWrite;
    process.stderr.write = realErr;
    process.exitCode = previous;
  }
}

afterEach(() => {
  process.stdout.write = realWrite;
  process.stderr.write = realErr;
});

async function shop(): Promise<string> {
  const root = await createWorkspace();
  await writeModel(root, 'silver', 'orders', 'SELECT order_id, amount FROM bronze.orders');
  await writeModel(root, 'gold', 'total', 'SELECT sum(amount) AS amount FROM silver.orders');
  const ws = await openWorkspace(root);
  await appendBatch(ws, 'orders', 'SELECT * FROM (VALUES (1, 10), (2, 32)) t(order_id, amount)');
  ws.close();
  return root;
}

describe('ingot run / plan / runs', () => {
  it('plans, runs, re-runs as a no-op and lists the history, in JSON and text', async () => {
    const root = await shop();
    const plan = await ingot('plan', '--json', '-w', root);
    expect(plan.code).toBe(0);
    const planned = JSON.parse(plan.out) as { models: { model: string; action: string; reasons: { code: string }[] }[]; nothingToDo: boolean };
    expect(planned.models.map((m) => [m.model, m.action, m.reasons[0]?.code])).toEqual([
      ['silver.orders', 'full', 'never_built'],
      ['gold.total', 'full', 'never_built'],
    ]);

    const run = await ingot('run', '--json', '-w', root);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.out) as { ok: boolean; runId: number; status: string; models: { model: string; rowsOut: number }[] };
    expect(result).toMatchObject({ ok: true, status: 'success' });
    expect(result.models.map((m) => [m.model, m.rowsOut])).toEqual([
      ['silver.orders', 2],
      ['gold.total', 1],
    ]);

    const again = await ingot('run', '-w', root);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/^Run #2: noop\nNothing changed since the last run \(2 models up to date\); nothing to do\.\n$/);

    const planText = await ingot('plan', 'total', '-w', root);
    expect(planText.out).toMatch(/gold\.total\s+table\s+skip\s+up to date/);
    expect(planText.out).toMatch(/Nothing to do/);

    const runs = JSON.parse((await ingot('runs', '--json', '-w', root)).out) as { runs: { runId: number; status: string; trigger: string }[] };
    expect(runs.runs.map((r) => [r.runId, r.status, r.trigger])).toEqual([
      [2, 'noop', 'cli'],
      [1, 'success', 'cli'],
    ]);
    const detail = await ingot('runs', '1', '-w', root);
    expect(detail.out).toMatch(/^Run #1 \(cli\): success/);
    expect(detail.out).toMatch(/silver\.orders\s+success\s+full\s+2\s+2/);
    expect((await ingot('runs', '99', '-w', root)).code).toBe(2);
  });

  it('exits 1 when a model fails and shows where; marks runs of a dead process interrupted', async () => {
    const root = await shop();
    await writeModel(root, 'gold', 'total', 'SELECT sum(amount) AS amount,\n  avg(amont) AS mean\nFROM silver.orders');
    const failed = await ingot('run', '-w', root);
    expect(failed.code).toBe(1);
    expect(failed.out).toMatch(/^models\/gold\/total\.sql:2:7: gold\.total: Binder Error: Referenced column "amont" not found/m);
    const ws = await openWorkspace(root);
    await ws.db.withConnection((c) =>
      c.run(`INSERT INTO _ingot.runs (run_id, trigger, selection, status, started_at, host_token, pid) VALUES (77, 'schedule', '', 'running', current_timestamp, 'a-dead-process', 1)`),
    );
    ws.close();
    const runs = JSON.parse((await ingot('runs', '--json', '-w', root)).out) as { runs: { runId: number; status: string }[] };
    expect(runs.runs.find((r) => r.runId === 77)?.status).toBe('interrupted');
  });

  it('says in `ingot runs <id>` why each model was not built or not published', async () => {
    const root = await createWorkspace({ atomic_publish: true });
    await writeModel(root, 'silver', 'orders', 'SELECT order_id, amount_text FROM bronze.orders');
    await writeModel(root, 'gold', 'totals', 'SELECT count(*) AS orders FROM silver.orders');
    await writeModel(root, 'gold', 'amounts', 'SELECT order_id, CAST(amount_text AS INTEGER) AS amount FROM silver.orders');
    await writeModel(root, 'gold', 'big', 'SELECT * FROM gold.amounts WHERE amount > 10');
    const ws = await openWorkspace(root);
    await appendBatch(ws, 'orders', `SELECT * FROM (VALUES (1, '5'), (2, 'twelve')) t(order_id, amount_text)`);
    ws.close();
    expect((await ingot('run', '-w', root)).code).toBe(1);
    const detail = await ingot('runs', '1', '-w', root);
    expect(detail.out).toMatch(/gold\.totals\s+skipped \(held back by atomic publish\)\s+full/);
    expect(detail.out).toMatch(/gold\.big\s+skipped \(a model it reads did not build\)\s+full/);
    expect(detail.out).toMatch(/gold\.amounts\s+failed\s+full/);
    const json = JSON.parse((await ingot('runs', '1', '--json', '-w', root)).out) as { run: { models: { model: string; notBuiltReason: string | null }[] } };
    expect(Object.fromEntries(json.run.models.map((m) => [m.model, m.notBuiltReason]))).toEqual({
      'silver.orders': null,
      'gold.amounts': null,
      'gold.big': 'upstream-not-built',
      'gold.totals': 'withheld-by-atomic-publish',
    });
  });

  it('fails `ingot plan` with exit 2 and file:line on a badly declared check, as on a bad materialization', async () => {
    const root = await shop();
    expect((await ingot('run', '-w', root)).code).toBe(0);
    const planError = async (): Promise<{ code: number; error: { code: string; message: string } }> => {
      const plan = await ingot('plan', '--json', '-w', root);
      return { code: plan.code, error: (JSON.parse(plan.out) as { error: { code: string; message: string } }).error };
    };
    await writeModel(root, 'silver', 'orders', 'SELECT order_id, amount FROM bronze.orders', 'materialization: tabel\n');
    const badMaterialization = await planError();
    expect(badMaterialization.code).toBe(2);
    expect(badMaterialization.error.message).toMatch(/^models\/silver\/orders\.yaml:1: materialization: /);

    await writeModel(root, 'silver', 'orders', 'SELECT order_id, amount FROM bronze.orders', 'materialization: table\nchecks:\n  - kind: not_nul\n    column: order_id\n');
    const badCheck = await planError();
    // The same error `ingot run` and `ingot check` report for it, with the same exit code as above.
    expect(badCheck).toEqual({ code: 2, error: expect.objectContaining({ code: 'MODEL_INVALID', message: 'models/silver/orders.yaml:3: check #1: unknown kind "not_nul"' }) });
    // A plan of another model stops too, as a bad materialization does: the workspace is bad.
    expect((await ingot('plan', 'total', '-w', root)).code).toBe(2);
  });

  it('fails with WORKSPACE_LOCKED, naming the process, when another process holds the workspace', async () => {
    const root = await shop();
    const path = `${root}/.ingot/ingot.duckdb`;
    const holder = await holdDatabase(path);
    try {
      const locked = await ingot('run', '--json', '-w', root);
      expect(locked.code).toBe(3);
      const body = JSON.parse(locked.out) as { ok: boolean; error: { code: string; message: string } };
      expect(body.ok).toBe(false);
      expect(body.error.code).toBe('WORKSPACE_LOCKED');
      expect(body.error.message).toContain(`PID ${holder.pid}`);
    } finally {
      holder.release();
    }
  });
});
