// Errors as the app shows them: hints that name `ingot` commands say what to do in the app
// instead (the CLI cannot open a workspace `ingot serve` holds), and engine field ids are shown
// as the label of the form box, or not at all.
import { describe, expect, it } from 'vitest';
import { errorDataOf } from '../../../src/renderer/api/error-data.js';
import { hintForTheApp } from '../../../src/renderer/format/app-hint.js';
import { describeLocation } from '../../../src/renderer/format/error-location.js';
import { modelError } from '../../../src/renderer/features/runs/model-error.js';
import { checkProjectName } from '../../../src/engine/export/dbt/project-files.js';
import { statementError } from '../../../src/engine/db/errors.js';
import { triesToWrite } from '../../../src/engine/query/read-only.js';
import { IngotError } from '../../../src/shared/errors.js';
import type { ModelQuality } from '../../../src/engine/pipeline/events.js';
import { PUBLISHED_UNCHANGED, QualityBlocked } from '../../../src/engine/pipeline/model-errors.js';

const CLI = /`ingot |--[a-z]/;

function thrown(work: () => unknown): unknown {
  try {
    work();
  } catch (err) {
    return err;
  }
  throw new Error('expected an error');
}

describe('hints in the app', () => {
  it('points a model its checks stopped at the Quality screen, without the CLI aside', () => {
    const blocked = new QualityBlocked({} as ModelQuality, 'range(amount): 1 of 2 rows fail', 'models/silver/s.yaml');
    expect(blocked.hint).toContain(PUBLISHED_UNCHANGED);
    expect(errorDataOf(blocked).hint).toBe("The check's details on the Quality screen show sample failing rows; fix the data or the model, then run again.");
  });

  it('puts the CLI commands of real engine errors as steps in the app', () => {
    const dbt = errorDataOf(thrown(() => checkProjectName('9 lives')));
    expect(dbt.hint).toMatch(/e\.g\. ingot_9_lives\.$/);
    expect(dbt.hint).not.toMatch(CLI);

    const binder = errorDataOf(statementError(new Error('Binder Error: Referenced column "nope" not found'), 'SELECT nope FROM bronze.orders', false));
    expect(binder.hint).toBe('Check the column names against the table; the table on the Tables screen lists them.');

    const catalog = errorDataOf(statementError(new Error('Catalog Error: Table with name nope does not exist!'), 'SELECT 1 FROM nope', false));
    expect(catalog.hint).toMatch(/^Check the table name; the Tables screen lists what exists/);

    const write = errorDataOf(triesToWrite('DELETE FROM bronze.orders', null));
    expect(write.hint).toBe('Refine data with SQL models (models/<layer>/*.sql). The SQL screen only reads; to change data by hand, stop `ingot serve` and run the statement with `ingot sql --write` in a terminal.');
  });

  it('rewrites loading again, rebuilding and looking things up', () => {
    expect(hintForTheApp('If the file is Latin-1, set `encoding:` in the source and ingest again with --replace.')).toBe(
      'If the file is Latin-1, set `encoding:` in the source and load it again with Replace on the Ingest screen.',
    );
    expect(hintForTheApp('Rebuild the whole model with `ingot run daily --full-refresh`.')).toBe('Rebuild the whole model with a run of `daily` on the Runs screen, Full refresh ticked.');
    expect(hintForTheApp('Name a new or empty folder, e.g. `ingot export dbt dbt-project`.')).toBe('Name a new or empty folder, e.g. dbt-project.');
    expect(hintForTheApp('Ingest the source first (`ingot ingest orders`), then run again.')).toBe('Ingest the source first (Load orders on the Ingest screen), then run again.');
    expect(hintForTheApp('The Runs view (or `ingot runs`) lists the runs that exist.')).toBe('The Runs view lists the runs that exist.');
    expect(hintForTheApp('Fix the SQL syntax at the position shown.')).toBe('Fix the SQL syntax at the position shown.');
  });

  it('rewrites the hint of a model that failed in a run', () => {
    const view = modelError({
      model: 'gold.daily',
      status: 'failed',
      rowsIn: null,
      rowsOut: null,
      durationMs: null,
      error: 'The partition column changed.',
      errorDetail: { hint: 'Rebuild the whole model with `ingot run daily --full-refresh`.' },
    });
    expect(view?.hint).not.toMatch(CLI);
  });
});

describe('where an error is', () => {
  it('names a form box by its label, never by the engine field id', () => {
    expect(describeLocation(errorDataOf(thrown(() => checkProjectName('9 lives'))).detail)).toBe('in Project name');
    expect(describeLocation({ field: 'aggregate' })).toBe('in Aggregate');
    expect(describeLocation({ field: 'resultId' })).toBeNull();
    expect(describeLocation(new IngotError('INVALID_INPUT', 'x', { detail: { file: 'sources/orders.yaml', line: 4, field: 'drift' } }).detail)).toBe('sources/orders.yaml:4 · at drift:');
  });
});
