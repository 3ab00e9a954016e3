// The independent record count: the byte scanner over quotes, newlines, blank lines, comments and
// chunk boundaries, and the checks that fail a batch when records go missing or the file moves.
import { describe, expect, it } from 'vitest';
import { createRecordScanner, type RecordScanConfig } from '../../../src/engine/ingest/file/record-scanner.js';
import { checkRecordCount, checkUnchanged } from '../../../src/engine/ingest/file/verify.js';
import { IngotError } from '../../../src/shared/errors.js';

const CSV: RecordScanConfig = { newline: 10, quote: 34, delimiter: 44, escape: 34, comment: -1, skipLines: 0, headerRecords: 1, blankLinesAreRecords: false };

/** Scans `text` fed in chunks of `size` bytes. */
function count(text: string, config: Partial<RecordScanConfig> = {}, size = 3): number {
  const scanner = createRecordScanner({ ...CSV, ...config });
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) scanner.update(bytes.subarray(i, i + size));
  return scanner.finish();
}

describe('record scanner', () => {
  it('counts records, not lines, across any chunk boundary', () => {
    const text = 'id,note\n1,"a\nb"\n2,"say ""x"""\n3,plain';
    for (const size of [1, 2, 3, 7, 1000]) expect(count(text, {}, size)).toBe(3);
  });

  it('skips blank lines in multi-column files but counts them in single-column ones', () => {
    expect(count('a,b\n1,2\n\n\r\n3,4\n')).toBe(2);
    expect(count('a\n1\n\n2\n', { blankLinesAreRecords: true })).toBe(3);
  });

  it('honours skipped lines, comments, escapes and old-Mac newlines', () => {
    expect(count('junk "\nmore\nid,v\n1,2\n', { skipLines: 2 })).toBe(1);
    expect(count('id,v\n# note\n1,2\n', { comment: 35 })).toBe(1);
    expect(count('id,v\n1,"a\\"\nstill"\n2,x\n', { escape: 92 })).toBe(2);
    expect(count('id,v\r1,2\r3,4\r', { newline: 13 })).toBe(2);
    expect(count('id,v\n1,"x\n2,y\n', { quote: -1 })).toBe(2);
  });

  it('opens quotes only at the start of a field (spaces allowed), as DuckDB does', () => {
    const text = 'a,b\n1, "x,\ny"\n2,5\'10" tall\n3,ab""c\n4,"p""q"\n';
    for (const size of [1, 2, 5, 1000]) expect(count(text, {}, size)).toBe(4);
  });

  it('counts runs of unquoted lines, empty quoted values and blank lines the same at every chunk size', () => {
    const text = 'a,b\n1,2\n\n3,""\n\r\n4,"x""y"\n5,6\n\n\n7,"multi\nline"\n8,""\n9,9';
    for (let size = 1; size <= text.length; size++) {
      expect(count(text, {}, size)).toBe(7);
      expect(count(text, { blankLinesAreRecords: true }, size)).toBe(11);
    }
  });

  it('tells whether the file ends inside a quoted value', () => {
    const scan = (text: string): boolean => {
      const scanner = createRecordScanner(CSV);
      scanner.update(Buffer.from(text));
      scanner.finish();
      return scanner.endsInsideQuote();
    };
    expect(scan('a,b\n1,"x"\n2,y"z\n')).toBe(false);
    expect(scan('a,b\n1,"never closed\n2,y\n')).toBe(true);
  });
});

describe('load verification', () => {
  it('fails when records are missing or unaccounted for', () => {
    expect(() => checkRecordCount('data/a.csv', 10, 7, 3)).not.toThrow();
    expect(() => checkRecordCount('data/a.csv', null, 7, 0)).not.toThrow();
    const err = (() => {
      try {
        checkRecordCount('data/a.csv', 10, 7, 1);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(IngotError);
    expect((err as IngotError).message).toBe('data/a.csv has 10 records, but DuckDB loaded 7 and rejected 1: 2 row(s) would be lost, so nothing of this batch was kept.');
  });

  it('fails when the file moved while loading', () => {
    const before = { sizeBytes: 10, modifiedMs: 1000 };
    expect(() => checkUnchanged('a.csv', before, { ...before }, 'h1', 'h1')).not.toThrow();
    expect(() => checkUnchanged('a.csv', before, { sizeBytes: 10, modifiedMs: 2000 }, undefined, 'h')).toThrow(/a\.csv changed while it was loading \(it was modified at/);
    expect(() => checkUnchanged('a.csv', before, { ...before }, 'h1', 'h2')).toThrow('a.csv changed while it was loading (its content changed)');
  });
});
