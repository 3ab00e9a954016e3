// The Capacity screen's form logic, without a browser: typed text to estimator inputs and back,
// live estimates with problems filed under their fields, and a blank form that teaches rather
// than scolds.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE, stepOf } from '../../../src/shared/capacity/index.js';
import { estimateForm } from '../../../src/renderer/features/capacity/form-estimate.js';
import { blankTexts, exampleTexts, rawInputs, rawValue, textsOf } from '../../../src/renderer/stores/capacity/field-text.js';

describe('capacity form', () => {
  it('reads numbers as people type them and leaves unreadable text for validation to quote', () => {
    expect(rawValue('usersPerDay', '10,000,000')).toBe(10_000_000);
    expect(rawValue('usersPerDay', ' 10 000_000 ')).toBe(10_000_000);
    expect(rawValue('bytesPerEvent', '1e3')).toBe(1000);
    expect(rawValue('peakFactor', '')).toBeUndefined();
    expect(rawValue('usersPerDay', 'ten million')).toBe('ten million');
    expect(rawValue('compression', ' 5-10 ')).toBe('5-10');
  });

  it('estimates the 10 M users example live, with the worked figures the issue gives', () => {
    const result = estimateForm(exampleTexts(), DEFAULT_PROFILE);
    expect(result.blank).toBe(false);
    expect(result.issues).toEqual({});
    const estimate = result.estimate;
    if (!estimate) throw new Error('the example should estimate');
    expect(stepOf(estimate, 'eventsPerDay').display).toBe('500,000,000 events/day');
    expect(stepOf(estimate, 'avgEventsPerSec').display).toBe('5,787 events/s');
    expect(stepOf(estimate, 'peakEventsPerSec').display).toBe('17,361 events/s');
    expect(estimate.verdict.kind).toBe('streaming-buffer');
  });

  it('files each problem under its field: a negative count, a low peak factor, a reversed range, an overflow', () => {
    const texts = { ...exampleTexts(), usersPerDay: '-5', peakFactor: '0.5', compression: '10-5' };
    const { estimate, issues } = estimateForm(texts, DEFAULT_PROFILE);
    expect(estimate).toBeNull();
    expect(issues.usersPerDay?.[0]).toContain('got -5');
    expect(issues.peakFactor?.[0]).toContain('at least 1');
    expect(issues.compression?.[0]).toContain('reversed');
    const huge = estimateForm({ ...exampleTexts(), usersPerDay: '1000000000000', eventsPerUserPerDay: '1000000000' }, DEFAULT_PROFILE);
    expect(huge.issues.usersPerDay?.[0]).toContain('absurdly large');
  });

  it('treats a blank form as a start, and empty optional fields as their defaults', () => {
    const blank = estimateForm(blankTexts(), DEFAULT_PROFILE);
    expect(blank.blank).toBe(true);
    expect(blank.issues.usersPerDay?.[0]).toMatch(/^is required/);
    const defaults = estimateForm({ ...exampleTexts(), peakFactor: '', retentionDays: '' }, DEFAULT_PROFILE);
    expect(defaults.defaulted.sort()).toEqual(['peakFactor', 'retentionDays']);
    expect(defaults.estimate?.inputs.peakFactor).toBe(3);
  });

  it('turns loaded inputs back into the same text the user would type', () => {
    const estimate = estimateForm(exampleTexts(), DEFAULT_PROFILE).estimate;
    if (!estimate) throw new Error('the example should estimate');
    const texts = textsOf({ ...estimate.inputs, peakFactor: 5.4, compression: { min: 3.25, max: 3.25 } });
    expect(texts).toMatchObject({ usersPerDay: '10,000,000', peakFactor: '5.4', compression: '3.25', freshness: 'daily' });
    expect(rawInputs(texts)).toMatchObject({ usersPerDay: 10_000_000, peakFactor: 5.4, compression: '3.25' });
  });
});
