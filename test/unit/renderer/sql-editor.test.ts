// The SQL editor's arithmetic: an error's position moved from the run SQL to the editor (when a
// selection ran), and DuckDB's suggestions made into completions.
import { describe, expect, it } from 'vitest';
import { completionRange, suggestionKind } from '../../../src/renderer/components/sql-editor/completion.js';
import { editorPosition } from '../../../src/renderer/stores/sql/error-position.js';

const KINDS = { Keyword: 1, Module: 2, Field: 3 };

describe('sql editor', () => {
  it('places an error of a selection where it is in the editor', () => {
    const error = (line?: number, column?: number) => ({ code: 'SQL_ERROR' as const, message: 'x', detail: { ...(line ? { line } : {}), ...(column ? { column } : {}) } });
    // A selection starting at line 5, column 3: its first line shifts right, later lines only down.
    expect(editorPosition(error(1, 8), { line: 5, column: 3 })).toEqual({ line: 5, column: 10 });
    expect(editorPosition(error(2, 4), { line: 5, column: 3 })).toEqual({ line: 6, column: 4 });
    expect(editorPosition(error(3), { line: 1, column: 1 })).toEqual({ line: 3, column: 1 });
    expect(editorPosition(error(), { line: 1, column: 1 })).toBeNull();
  });

  it('keeps a completion inside the text and names its kind', () => {
    expect(completionRange('SELECT * FROM gold.da', 19)).toBe(19);
    expect(completionRange('SEL', 99)).toBe(3);
    expect(completionRange('SEL', -1)).toBe(0);
    expect(suggestionKind('SELECT', KINDS)).toBe(KINDS.Keyword);
    expect(suggestionKind('GROUP BY', KINDS)).toBe(KINDS.Keyword);
    expect(suggestionKind('gold.', KINDS)).toBe(KINDS.Module);
    expect(suggestionKind('daily_revenue', KINDS)).toBe(KINDS.Field);
  });
});
