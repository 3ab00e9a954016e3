// Folding live run events into the run history: a run appears when it starts, its models
// update as they start and finish, and it ends with the final status and duration.
import { describe, expect, it } from 'vitest';
import type { ModelRun, RunSummary } from '../../../src/shared/api/index.js';
import { applyRunEvent, applyRunProgress, progressKey } from '../../../src/renderer/stores/runs/apply-run-event.js';

const finishedModel = (model: string, status: ModelRun['status'] = 'success'): ModelRun => ({
  model,
  status,
  rowsIn: 100,
  rowsOut: 90,
  durationMs: 12,
  error: status === 'failed' ? 'Binder Error: column x not found' : null,
  errorDetail: status === 'failed' ? { hint: 'Check the column name.', file: 'models/b.sql', line: 3 } : null,
});

const oldRun: RunSummary = {
  runId: 1,
  trigger: 'cli',
  selection: '',
  status: 'success',
  startedAt: '2024-05-01T10:00:00.000Z',
  finishedAt: '2024-05-01T10:00:02.000Z',
  durationMs: 2000,
  models: [finishedModel('a')],
};

describe('applyRunEvent', () => {
  it('follows a run from start to finish, newest run first', () => {
    let runs = [oldRun];
    runs = applyRunEvent(runs, { type: 'run-started', runId: 2, models: ['a', 'b'], at: '2024-05-02T09:00:00.000Z' });
    expect(runs.map((r) => r.runId)).toEqual([2, 1]);
    expect(runs[0]).toMatchObject({ status: 'running', finishedAt: null });
    expect(runs[0]?.models.map((m) => m.status)).toEqual(['pending', 'pending']);

    runs = applyRunEvent(runs, { type: 'model-started', runId: 2, model: 'a', at: '2024-05-02T09:00:00.100Z' });
    expect(runs[0]?.models[0]?.status).toBe('running');
    runs = applyRunEvent(runs, { type: 'model-finished', runId: 2, model: 'a', run: finishedModel('a') });
    runs = applyRunEvent(runs, { type: 'model-finished', runId: 2, model: 'b', run: finishedModel('b', 'failed') });
    expect(runs[0]?.models.map((m) => m.status)).toEqual(['success', 'failed']);
    expect(runs[0]?.models[1]?.error).toContain('Binder Error');

    runs = applyRunEvent(runs, { type: 'run-finished', runId: 2, status: 'partial', at: '2024-05-02T09:00:03.500Z' });
    expect(runs[0]).toMatchObject({ status: 'partial', finishedAt: '2024-05-02T09:00:03.500Z', durationMs: 3500, message: null });
    const reported = applyRunEvent(runs, { type: 'run-finished', runId: 2, status: 'partial', at: '2024-05-02T09:00:03.500Z', durationMs: 3400, message: 'Built 1 model; 1 failed.' });
    expect(reported[0]).toMatchObject({ durationMs: 3400, message: 'Built 1 model; 1 failed.' });
    expect(runs[1]).toBe(oldRun);
  });

  it('adds a model it did not know about when it finishes', () => {
    const runs = applyRunEvent([{ ...oldRun, status: 'running', models: [] }], { type: 'model-finished', runId: 1, model: 'late', run: finishedModel('late') });
    expect(runs[0]?.models.map((m) => m.model)).toEqual(['late']);
  });

  it('leaves the history alone for progress and for runs it does not hold', () => {
    const runs = [oldRun];
    expect(applyRunEvent(runs, { type: 'model-progress', runId: 1, model: 'a', percentage: 50 })).toBe(runs);
    expect(applyRunEvent(runs, { type: 'model-started', runId: 9, model: 'a', at: '2024-05-01T10:00:00.000Z' })).toEqual(runs);
  });
});

describe('applyRunProgress', () => {
  it('tracks percentages while models run and forgets them when they finish', () => {
    let progress = applyRunProgress({}, { type: 'model-progress', runId: 2, model: 'a', percentage: 40 });
    progress = applyRunProgress(progress, { type: 'model-progress', runId: 2, model: 'b', percentage: 10 });
    expect(progress[progressKey(2, 'a')]).toBe(40);
    progress = applyRunProgress(progress, { type: 'model-finished', runId: 2, model: 'a', run: finishedModel('a') });
    expect(progress).toEqual({ [progressKey(2, 'b')]: 10 });
    progress = applyRunProgress(progress, { type: 'run-finished', runId: 2, status: 'cancelled', at: '2024-05-02T09:00:03.500Z' });
    expect(progress).toEqual({});
  });
});
