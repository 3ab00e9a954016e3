// The backfill range of `ingot run --partitions FROM..TO`: two partition values, inclusive,
// compared by DuckDB in the partition column's own type (dates, numbers or text).
import { IngotError } from '../../shared/errors.js';
import type { PartitionRange } from './plan.js';

/** Parses `FROM..TO`; throws INVALID_INPUT with an example when it is not one. */
export function parsePartitionRange(text: string): PartitionRange {
  const at = text.indexOf('..');
  const from = at > 0 ? text.slice(0, at).trim() : '';
  const to = at > 0 ? text.slice(at + 2).trim() : '';
  if (from === '' || to === '' || to.includes('..')) {
    throw new IngotError('INVALID_INPUT', `--partitions "${text}" is not a range.`, {
      hint: 'Give the first and last partition to rebuild, inclusive, e.g. --partitions 2024-03-01..2024-03-31.',
      detail: { field: 'partitions' },
    });
  }
  return { from, to };
}

export function formatPartitionRange(range: PartitionRange): string {
  return `${range.from}..${range.to}`;
}
