// Encodes a DuckDB result as Arrow IPC bytes. (Being completed: see the arrow helper's work.)
import type { DuckDBResult } from '@duckdb/node-api';
import type { ArrowResult } from './connection.js';

export async function encodeArrow(_result: DuckDBResult): Promise<ArrowResult> {
  throw new Error('encodeArrow is not written yet');
}
