// The documented quality score formula, and the relationships targets a model's checks read.
import { describe, expect, it } from 'vitest';
import { checkDependencies, describeScore, qualityScore, type CheckResult } from '../../../src/engine/quality/index.js';

type Scored = Pick<CheckResult, 'kind' | 'severity' | 'status' | 'failingRows' | 'totalRows'>;
const check = (kind: string, severity: CheckResult['severity'], status: CheckResult['status'], failingRows = 0, totalRows = 100): Scored => ({
  kind,
  severity,
  status,
  failingRows,
  totalRows,
});

describe('quality score', () => {
  it('is 100 when every check passes and null without checks', () => {
    expect(qualityScore([check('not_null', 'error', 'pass'), check('freshness', 'warn', 'pass')])).toBe(100);
    expect(qualityScore([])).toBeNull();
  });

  it('weights by severity and credits row-level checks with the share of passing rows', () => {
    // w: error 3, quarantine 2, warn 1. p: 1, 0.9 (10 of 100 rows fail), 0.5 (table-level warn), 0 (failed table-level).
    const results = [
      check('not_null', 'error', 'pass'),
      check('accepted_values', 'quarantine', 'warn', 10, 100),
      check('freshness', 'warn', 'warn', 1, 100),
      check('row_count', 'error', 'fail', 1, 100),
    ];
    const expected = (100 * (3 * 1 + 2 * 0.9 + 1 * 0.5 + 3 * 0)) / (3 + 2 + 1 + 3);
    expect(qualityScore(results)).toBe(Math.round(expected * 10) / 10);
    expect(qualityScore([check('expression', 'warn', 'error')])).toBe(0);
    expect(describeScore()).toContain('score = 100 × Σ w·p / Σ w');
  });
});

describe('checkDependencies', () => {
  it('lists the tables relationships checks read', () => {
    expect(
      checkDependencies([
        { kind: 'relationships', column: 'order_id', to: 'silver.Orders' },
        { kind: 'not_null', column: 'x' },
        { kind: 'relationships', column: 'customer_id', to: 'silver.customers', field: 'id' },
        { kind: 'relationships', column: 'broken' },
      ]),
    ).toEqual(['silver.orders', 'silver.customers']);
  });
});
