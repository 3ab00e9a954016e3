// Declaring checks: the YAML forms each kind accepts, and the located errors for bad ones.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { locateChecks, parseChecks } from '../../../src/engine/quality/index.js';
import { IngotError } from '../../../src/shared/errors.js';

const FILE = 'models/silver/orders.yaml';

/** Parses the `checks:` of a sidecar text the way the gate does. */
function load(text: string): ReturnType<typeof parseChecks> {
  const doc = parse(text) as { checks: unknown[] };
  return parseChecks(doc.checks, { file: FILE, positions: locateChecks(text), layer: 'silver', model: 'orders' });
}

function failure(text: string): IngotError {
  try {
    load(text);
  } catch (err) {
    expect(err).toBeInstanceOf(IngotError);
    return err as IngotError;
  }
  throw new Error('expected the checks to be rejected');
}

describe('parseChecks', () => {
  it('normalizes every kind, with default names and severities', () => {
    const defs = load(`materialization: table
checks:
  - kind: not_null
    columns: [customer_id, order_id]
  - kind: unique
    column: order_id
    dedup: keep_latest
    order_by: updated_at
  - kind: accepted_values
    column: status
    values: [placed, paid]
    severity: quarantine
  - kind: range
    column: total_amount
    min: 0
    max: 100000
    inclusive: false
  - kind: pattern
    column: email
    regex: '^[^@]+@[^@]+$'
  - kind: relationships
    column: customer_id
    to: silver.customers
  - kind: row_count
    min: 1
  - kind: expression
    expression: total_amount >= 0
    error_if: ">1%"
    warn_if: ">0"
  - kind: assert
    name: no_negative_totals
    sql: SELECT * FROM this WHERE total_amount < 0;
  - kind: freshness
    column: updated_at
    max_age: 24h
  - kind: anomaly
    metrics: { total_amount: [sum, null_rate] }
  - kind: contract
    columns:
      - { name: order_id, type: BIGINT, nullable: false }
    primary_key: order_id
`);
    expect(defs.map((d) => d.name)).toEqual([
      'not_null(customer_id, order_id)',
      'unique(order_id)',
      'accepted_values(status)',
      'range(total_amount)',
      'pattern(email)',
      'relationships(customer_id -> silver.customers)',
      'row_count',
      'expression(total_amount >= 0)',
      'no_negative_totals',
      'freshness(updated_at)',
      'anomaly',
      'contract',
    ]);
    expect(defs.map((d) => d.severity)).toEqual(['error', 'quarantine', 'quarantine', 'error', 'error', 'error', 'error', 'error', 'error', 'warn', 'warn', 'error']);
    expect(defs[1]).toMatchObject({ dedup: 'keep_latest', orderBy: ['updated_at'] });
    expect(defs[7]).toMatchObject({ errorIf: { op: '>', value: 1, percent: true }, warnIf: { op: '>', value: 0, percent: false } });
    expect(defs[8]).toMatchObject({ sql: 'SELECT * FROM this WHERE total_amount < 0' });
    expect(defs[9]).toMatchObject({ maxAgeSeconds: 86_400 });
    expect(defs[10]).toMatchObject({ rowCount: true, minHistory: 5, metrics: [{ column: 'total_amount', metric: 'sum' }, { column: 'total_amount', metric: 'null_rate' }] });
    expect(defs[5]?.location).toMatchObject({ file: FILE, line: 21 });
  });

  it('rejects an empty accepted_values list at the line of the list', () => {
    const e = failure(`checks:
  - kind: accepted_values
    column: status
    values: []
`);
    expect(e.code).toBe('MODEL_INVALID');
    expect(e.message).toBe(`${FILE}:4: check #1 (accepted_values): values: the list of accepted values is empty: list at least one value`);
    expect(e.detail).toMatchObject({ file: FILE, line: 4, field: 'values' });
  });

  it('rejects quarantine severity on a table-level check', () => {
    const e = failure(`checks:
  - kind: not_null
    column: a
  - kind: row_count
    min: 10
    severity: quarantine
`);
    expect(e.message).toMatch(/^models\/silver\/orders\.yaml:6: check row_count: severity quarantine needs a row-level check; row_count judges the table as a whole$/);
  });

  it('names unknown kinds and unknown fields with their lines', () => {
    expect(failure(`checks:\n  - kind: not_nul\n    column: a\n`).message).toBe(`${FILE}:2: check #1: unknown kind "not_nul"`);
    const unknownField = failure(`checks:\n  - kind: not_null\n    column: a\n    colour: red\n`);
    expect(unknownField.message).toBe(`${FILE}:4: check #1 (not_null): unknown field "colour" for a not_null check`);
    expect(failure(`checks:\n  - not_null: a\n`).message).toBe(`${FILE}:2: check #1: the \`kind:\` field is missing`);
  });

  it('checks dedup, thresholds, SLAs and duplicate names', () => {
    expect(failure(`checks:\n  - kind: unique\n    column: id\n    dedup: keep_latest\n`).message).toContain(`${FILE}:4: check #1 (unique): dedup: keep_latest needs \`order_by:\``);
    expect(failure(`checks:\n  - kind: unique\n    column: id\n    dedup: quarantine_all\n    severity: warn\n`).message).toContain('dedup moves duplicate rows to quarantine');
    expect(failure(`checks:\n  - kind: not_null\n    column: id\n    error_if: "more than 5"\n`).message).toContain('error_if: must be a comparison like ">0"');
    expect(failure(`checks:\n  - kind: freshness\n    column: ts\n    max_age: 1 day\n`).message).toContain('max_age: must be a duration like');
    expect(failure(`checks:\n  - kind: freshness\n    batch: true\n    max_age: 1d\n`).message).toContain('`batch: true` means "this source"');
    const dup = failure(`checks:\n  - kind: not_null\n    column: id\n  - kind: not_null\n    column: ID\n    name: NOT_NULL(id)\n`);
    expect(dup.message).toBe(`${FILE}:4: check NOT_NULL(id): another check has the same name (line 2)`);
    expect(failure(`checks:\n  - kind: range\n    column: total\n`).message).toContain('give `min:`, `max:` or both');
    expect(failure(`checks:\n  - kind: relationships\n    column: a\n    to: orders\n`).message).toContain('to: must name a table as layer.model');
  });

  it('resolves batch freshness on a source to that source', () => {
    const [def] = parseChecks([{ kind: 'freshness', batch: true, max_age: '2d' }], { file: 'sources/orders.yaml', layer: 'bronze', model: 'orders' });
    expect(def).toMatchObject({ name: 'freshness(batch orders)', batchSource: 'orders', maxAgeSeconds: 172_800 });
  });
});
