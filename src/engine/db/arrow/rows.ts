// Which items of DuckDB vectors become the rows of one Arrow array. A record batch spans several
// DuckDB chunks, so an array is built from parts: each part is one vector plus the items it
// contributes, either a contiguous run (a whole chunk, in-order list children) or a selection.
import duckdb from '@duckdb/node-bindings';

export interface Rows {
  /** Number of Arrow rows this part contributes. */
  readonly count: number;
  /** The vector item of each row, when the rows are not one contiguous run. */
  readonly sel: Uint32Array | null;
  /** First item of the run when `sel` is null. */
  readonly start: number;
  /** Items the vector holds; every read of its memory stays inside this many items. */
  readonly span: number;
}

/** One vector and the items of it that become consecutive Arrow rows. */
export interface Part {
  readonly vector: duckdb.Vector;
  readonly rows: Rows;
}

/** Rows `start .. start+count` of a vector holding `span` items. */
export function runOf(start: number, count: number, span: number): Rows {
  return { count, sel: null, start, span };
}

/** Total rows of `parts`. */
export function rowCount(parts: readonly Part[]): number {
  let n = 0;
  for (const p of parts) n += p.rows.count;
  return n;
}

/** Raw bytes of a vector's data: `width` bytes per item, for all `span` items. */
export function vectorBytes(vector: duckdb.Vector, width: number, span: number): Uint8Array {
  if (span === 0) return new Uint8Array(0);
  return duckdb.vector_get_data(vector, width * span);
}
