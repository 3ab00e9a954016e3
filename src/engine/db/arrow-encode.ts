// Encodes a DuckDB result as Arrow IPC stream bytes: the only form in which rows leave the engine.
// Reads the result chunk by chunk and converts each column from DuckDB's vector memory directly
// (through @duckdb/node-bindings, the driver's own native layer), gathering chunks into record
// batches of up to 64K rows, so large results cost buffer copies rather than a JS object per value.
//
// DuckDB type          → Arrow type
// BOOLEAN              → Bool
// TINYINT … BIGINT     → Int8, Int16, Int32, Int64 (bigint)
// UTINYINT … UBIGINT   → Uint8, Uint16, Uint32, Uint64 (bigint)
// HUGEINT              → Decimal128(38, 0): the same two's-complement bits, so every value is exact
//                        (as DuckDB's own Arrow export does; |v| ≥ 10^38 exceeds the declared precision)
// UHUGEINT             → Decimal256(39, 0): Decimal128 cannot hold values ≥ 2^127 (apache-arrow's JS
//                        toString mis-prints 256-bit decimals; format from the words, as query/arrow-values.ts does)
// DECIMAL(p,s)         → Decimal128(p, s), exact digits whatever DuckDB's storage width
// FLOAT, DOUBLE        → Float32, Float64
// VARCHAR, BLOB        → Utf8, Binary
// UUID                 → Utf8 holding the canonical lowercase form 'xxxxxxxx-xxxx-…' (Arrow has no UUID
//                        type short of an extension type, which most readers ignore)
// DATE                 → DateDay;  TIME → Time64(µs);  TIME_NS → Time64(ns)
// TIMESTAMP_S/_MS/—/_NS → Timestamp(s / ms / µs / ns), no time zone
// TIMESTAMPTZ          → Timestamp(µs, 'UTC') (DuckDB stores instants in UTC)
// INTERVAL             → Interval(MonthDayNano); the microseconds are scaled to nanoseconds exactly
// ENUM                 → Dictionary<Utf8> with the narrowest signed index type
// LIST, MAP, STRUCT    → List, Map (entries struct {key, value}), Struct
// ARRAY(n)             → FixedSizeList(n)
// NULL (untyped)       → Null
// TIMETZ, BIT, BIGNUM, UNION, VARIANT, GEOMETRY → Utf8 with DuckDB's text form of each value
// ±infinity dates and timestamps arrive as DuckDB's sentinel integers (the type's min/max).
// Duplicate column names (SELECT 1 AS a, 2 AS a) are made unique (a, a_1) so consumers can address
// every column by name; ColumnInfo carries the same names.
import duckdb from '@duckdb/node-bindings';
import type { DuckDBDataChunk, DuckDBResult } from '@duckdb/node-api';
import { Data, Field, RecordBatch, RecordBatchStreamWriter, Schema, Struct } from 'apache-arrow';
import type { ArrowResult, ColumnInfo } from './connection.js';
import { EncoderContext, type ColumnEncoder } from './arrow/encoder.js';
import { encoderFor } from './arrow/encoder-for.js';
import { runOf } from './arrow/rows.js';

/** DuckDB hands out chunks of 2048 rows; record batches gather this many rows to keep IPC overhead low. */
const BATCH_ROWS = 64 * 1024;

/** Reads the whole of `result` and returns it as Arrow IPC stream bytes plus its columns and row count. */
export async function encodeArrow(result: DuckDBResult): Promise<ArrowResult> {
  const names = uniqueNames(result.columnNames());
  const columns: ColumnInfo[] = [];
  const encoders: ColumnEncoder[] = [];
  const context = new EncoderContext();
  for (let c = 0; c < result.columnCount; c++) {
    const type = result.columnType(c);
    columns.push({ name: names[c] ?? `column${c}`, type: type.toString() });
    encoders.push(encoderFor(type, context));
  }
  const schema = new Schema(encoders.map((e, c) => new Field(columns[c]?.name ?? `column${c}`, e.type, true)));
  const batchType = new Struct(schema.fields);
  const writer = new RecordBatchStreamWriter();
  writer.reset(undefined, schema);
  let rowCount = 0;
  let pending: DuckDBDataChunk[] = [];
  let pendingRows = 0;
  const flush = (): void => {
    if (pendingRows === 0) return;
    const children = encoders.map((encoder, c) =>
      encoder.encode(
        pending.map((chunk) => ({ vector: duckdb.data_chunk_get_vector(chunk.chunk, c), rows: runOf(0, chunk.rowCount, chunk.rowCount) })),
        pendingRows,
      ),
    );
    writer.write(new RecordBatch(schema, new Data(batchType, 0, pendingRows, 0, undefined, children)));
    rowCount += pendingRows;
    pending = [];
    pendingRows = 0;
  };
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    pending.push(chunk);
    pendingRows += chunk.rowCount;
    if (pendingRows >= BATCH_ROWS) flush();
  }
  flush();
  writer.finish();
  return { ipc: writer.toUint8Array(true), columns, rowCount };
}

/** Column names with repeats suffixed `_1`, `_2`, … (as DuckDB names them in CREATE TABLE AS). */
function uniqueNames(names: readonly string[]): string[] {
  const taken = new Set(names);
  const seen = new Set<string>();
  return names.map((name) => {
    if (!seen.has(name)) {
      seen.add(name);
      return name;
    }
    let k = 1;
    while (taken.has(`${name}_${k}`)) k++;
    const unique = `${name}_${k}`;
    taken.add(unique);
    seen.add(unique);
    return unique;
  });
}
