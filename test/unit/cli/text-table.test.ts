// The CLI's aligned text table: one line per row, whatever the values hold.
import { describe, expect, it } from 'vitest';
import { textTable } from '../../../src/cli/context.js';

describe('textTable', () => {
  it('shows line breaks and tabs inside a value as escapes, so every row stays on one line', () => {
    const out = textTable(['id', 'note'], [[1, 'first line\nsecond\tcolumn\r\n'], [2, 'plain']]);
    expect(out.split('\n')).toEqual(['id  note', '──  ──────────────────────────────', ' 1  first line\\nsecond\\tcolumn\\r\\n', ' 2  plain']);
  });

  it('right-aligns numbers and writes NULL for missing values', () => {
    expect(textTable(['n', 's'], [[10, null], [null, 'x']]).split('\n')).toEqual(['   n  s', '────  ────', '  10  NULL', 'NULL  x']);
  });
});
