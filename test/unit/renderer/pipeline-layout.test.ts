// The designer's graph layout: bronze, silver and gold left to right, a model right of the models
// of its layer it reads, nodes ordered by what they read, and each model's latest run result.
import { describe, expect, it } from 'vitest';
import type { ModelInfo, ModelRun, RunSummary } from '../../../src/shared/api/index.js';
import { modelPillClass, notBuiltText } from '../../../src/renderer/format/run-status.js';
import { latestModelRuns, layoutPipeline, readersOf } from '../../../src/renderer/features/designer/pipeline-layout.js';

function model(id: string, dependsOn: string[]): ModelInfo {
  const [layer, name] = id.split('.') as ['silver' | 'gold', string];
  return { name, layer, materialization: 'table', file: `models/${layer}/${name}.sql`, dependsOn, tags: [], description: null, sidecarFile: null, checks: 0 };
}

const MODELS = [
  model('silver.stg_orders', ['bronze.orders']),
  model('silver.stg_items', ['bronze.items']),
  model('silver.orders_enriched', ['silver.stg_orders', 'silver.stg_items']),
  model('gold.fact_sales', ['silver.orders_enriched']),
  model('gold.daily', ['gold.fact_sales']),
];

describe('pipeline layout', () => {
  it('puts bronze first, then silver by depth, then gold by depth', () => {
    const { nodes, edges } = layoutPipeline(MODELS, ['customers']);
    const column = Object.fromEntries(nodes.map((n) => [n.id, n.column]));
    expect(column).toEqual({
      'bronze.customers': 0,
      'bronze.items': 0,
      'bronze.orders': 0,
      'silver.stg_items': 1,
      'silver.stg_orders': 1,
      'silver.orders_enriched': 2,
      'gold.fact_sales': 3,
      'gold.daily': 4,
    });
    expect(nodes.find((n) => n.id === 'bronze.customers')?.model).toBeNull();
    expect(nodes.find((n) => n.id === 'gold.daily')?.model?.name).toBe('daily');
    expect(edges).toHaveLength(6);
    expect(edges).toContainEqual({ id: 'gold.fact_sales->gold.daily', source: 'gold.fact_sales', target: 'gold.daily' });
  });

  it('orders a column by what its nodes read, so edges do not cross', () => {
    const models = [model('silver.a', ['bronze.z']), model('silver.b', ['bronze.y']), model('silver.c', ['bronze.x'])];
    const { nodes } = layoutPipeline(models, []);
    const y = (id: string): number => nodes.find((n) => n.id === id)?.y ?? Number.NaN;
    // Alphabetical order would put a beside x and c beside z; instead each model sits level with its input.
    for (const [reader, input] of [['silver.a', 'bronze.z'], ['silver.b', 'bronze.y'], ['silver.c', 'bronze.x']] as const) expect(y(reader)).toBe(y(input));
  });

  it('survives a cycle in what it is given, instead of recursing forever', () => {
    const { nodes } = layoutPipeline([model('silver.a', ['silver.b']), model('silver.b', ['silver.a'])], []);
    expect(nodes).toHaveLength(2);
  });

  it('names each model\'s newest result and the models that read a table', () => {
    const run = (runId: number, models: [string, 'success' | 'failed'][]): RunSummary => ({
      runId,
      trigger: 'manual',
      selection: '',
      status: 'success',
      startedAt: '2026-11-22T10:00:00Z',
      finishedAt: null,
      durationMs: null,
      models: models.map(([m, status]) => ({ model: m, status, rowsIn: null, rowsOut: null, durationMs: null, error: null, errorDetail: null })),
    });
    const latest = latestModelRuns([run(2, [['gold.daily', 'failed']]), run(1, [['gold.daily', 'success'], ['silver.a', 'success']])]);
    expect(latest.get('gold.daily')).toMatchObject({ runId: 2, run: { status: 'failed' } });
    expect(latest.get('silver.a')).toMatchObject({ runId: 1 });
    expect(readersOf(MODELS, 'silver.stg_orders')).toEqual(['silver.orders_enriched']);
  });

  it('keeps a model\'s latest built or failed result when later runs left it out, and notes the newest such run', () => {
    const run = (runId: number, status: RunSummary['status'], models: [string, ModelRun['status'], string | null][]): RunSummary => ({
      runId,
      trigger: 'manual',
      selection: '',
      status,
      startedAt: '2026-11-22T10:00:00Z',
      finishedAt: null,
      durationMs: null,
      models: models.map(([m, s, error]) => ({ model: m, status: s, rowsIn: null, rowsOut: 5, durationMs: null, error, errorDetail: null })),
    });
    const cancelled = 'Not built: the run was cancelled before this model started. Nothing of it changed.';
    const latest = latestModelRuns([
      run(4, 'success', [['silver.b', 'success', null]]),
      run(3, 'cancelled', [['silver.a', 'cancelled', cancelled], ['silver.c', 'cancelled', cancelled]]),
      run(2, 'cancelled', [['silver.a', 'cancelled', cancelled]]),
      run(1, 'success', [['silver.a', 'success', null]]),
    ]);
    const a = latest.get('silver.a');
    expect(a).toMatchObject({ runId: 1, run: { status: 'success' }, notBuilt: { runId: 3, run: { status: 'cancelled' } } });
    expect(notBuiltText(a!.notBuilt!.runId, a!.notBuilt!.run)).toBe('Not built in run #3: the run was cancelled before this model started. Its published table is unchanged.');
    expect(latest.get('silver.b')).toMatchObject({ runId: 4, notBuilt: null });
    // Never built at all: the cancelled run is all there is, and it is shown neutrally.
    expect(latest.get('silver.c')).toMatchObject({ runId: 3, run: { status: 'cancelled' }, notBuilt: null });
    expect(modelPillClass('cancelled')).toBe('pill pill--not-built');
    expect(modelPillClass('skipped')).toBe('pill pill--not-built');
    expect(modelPillClass('failed')).toBe('pill pill--failed');
  });
});
