// How DuckDB's suggestions become editor completions: where each replaces text, and what kind of
// word it is (a keyword in capitals, a schema ending in a dot, otherwise a name).

/** The offset where a suggestion starting at `start` begins, kept inside `before`. */
export function completionRange(before: string, start: number): number {
  return Math.max(0, Math.min(start, before.length));
}

/** The kind of a suggestion for the editor's icon: keywords are written in capitals by DuckDB. */
export function suggestionKind<K extends { Keyword: number; Module: number; Field: number }>(text: string, kinds: K): number {
  if (text.endsWith('.')) return kinds.Module;
  if (/^[A-Z][A-Z_ ]*$/.test(text.trim())) return kinds.Keyword;
  return kinds.Field;
}
