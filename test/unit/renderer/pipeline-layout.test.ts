// The designer's graph layout: bronze, silver and gold left to right, a model right of the models
// of its layer it reads, nodes ordered by what they read, and each model's latest run result.
import { describe, expect, it } from 'vitest';
import type { ModelInfo, RunSummary } from '../../../src/shared/api/index.js';
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
});
