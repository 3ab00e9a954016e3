// A column profile as Explore receives it, for renderer tests: no values profiled unless a test
// says otherwise.
import type { ColumnProfile } from '../../src/shared/api/explore.js';

export function columnProfile(name: string, kind: ColumnProfile['kind'], overrides: Partial<ColumnProfile> = {}): ColumnProfile {
  return {
    name,
    type: kind,
    kind,
    nulls: 0,
    distinct: 10,
    min: null,
    max: null,
    mean: null,
    stddev: null,
    quartiles: null,
    topValues: [],
    histogram: null,
    ...overrides,
  };
}
