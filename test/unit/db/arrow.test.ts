// DuckDB results as Arrow IPC: every type users meet, with edge values and NULLs, decoded again
// with apache-arrow and compared with what DuckDB itself says the values are.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataType, Dictionary, tableFromIPC, TimeUnit, Vector, type Data, type Decimal, type Table } from 'apache-arrow';
import { DuckDBInstance } from '@duckdb/node-api';
import duckdb from '@duckdb/node-bindings';
import { openDatabase } from '../../../src/engine/db/duckdb.js';
import type { Database, SqlConnection } from '../../../src/engine/db/connection.js';
import { EncoderContext } from '../../../src/engine/db/arrow/encoder.js';
import { encoderFor } from '../../../src/engine/db/arrow/encoder-for.js';

let db: Database;
let conn: SqlConnection;

beforeAll(async () => {
  db = await openDatabase(':memory:', { threads: 1 });
  conn = await db.connect();
});

afterAll(() => {
  conn.close();
  db.close();
});

async function arrow(sql: string): Promise<Table> {
  const result = await conn.arrow(sql);
  const table = tableFromIPC(result.ipc);
  expect(table.numRows).toBe(result.rowCount);
  return table;
}

/** Column `name` of `table` as JS values (null for NULL). */
function values(table: Table, name: string): unknown[] {
  const column = table.getChild(name);
  if (!column) throw new Error(`no column ${name}`);
  return Array.from({ length: column.length }, (_, i) => column.get(i));
}

/** What DuckDB prints for each value of `expr` in `from` (NULL stays null). */
async function duckText(expr: string, from: string): Promise<(string | null)[]> {
  const rows = await conn.all<{ v: string | null }>(`SELECT (${expr})::VARCHAR AS v FROM ${from}`);
  return rows.map((r) => r.v);
}

/** A decimal cell as its exact text, from the raw little-endian words Arrow carries. */
function decimalText(table: Table, name: string): (string | null)[] {
  const column = table.getChild(name);
  if (!column) throw new Error(`no column ${name}`);
  const type = column.type as Decimal;
  const words = type.bitWidth / 32;
  const out: (string | null)[] = [];
  for (const data of column.data as Data<Decimal>[]) {
    for (let i = 0; i < data.length; i++) {
      if (!data.getValid(i)) {
        out.push(null);
        continue;
      }
      let v = 0n;
      for (let w = words - 1; w >= 0; w--) v = (v << 32n) | BigInt(data.values[i * words + w] as number);
      if (v >> BigInt(type.bitWidth - 1)) v -= 1n << BigInt(type.bitWidth);
      const negative = v < 0n;
      const digits = (negative ? -v : v).toString().padStart(type.scale + 1, '0');
      const text = type.scale > 0 ? `${digits.slice(0, -type.scale)}.${digits.slice(-type.scale)}` : digits;
      out.push(negative ? `-${text}` : text);
    }
  }
  return out;
}

/** Raw 64-bit values of a temporal column (exact, unlike Vector.get, which converts to ms). */
function raw64(table: Table, name: string): (bigint | null)[] {
  const column = table.getChild(name);
  if (!column) throw new Error(`no column ${name}`);
  const out: (bigint | null)[] = [];
  for (const data of column.data) for (let i = 0; i < data.length; i++) out.push(data.getValid(i) ? (data.values[i] as bigint) : null);
  return out;
}

describe('encodeArrow', () => {
  it('converts booleans and every integer width at their limits, with NULLs', async () => {
    const t = await arrow(`SELECT * FROM (VALUES
      (true, (-128)::TINYINT, (-32768)::SMALLINT, (-2147483648)::INTEGER, (-9223372036854775808)::BIGINT, 0::UTINYINT, 0::USMALLINT, 0::UINTEGER, 0::UBIGINT),
      (false, 127::TINYINT, 32767::SMALLINT, 2147483647::INTEGER, 9223372036854775807::BIGINT, 255::UTINYINT, 65535::USMALLINT, 4294967295::UINTEGER, 18446744073709551615::UBIGINT),
      (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)) v(b, i8, i16, i32, i64, u8, u16, u32, u64)`);
    const types = t.schema.fields.map((f) => String(f.type));
    expect(types).toEqual(['Bool', 'Int8', 'Int16', 'Int32', 'Int64', 'Uint8', 'Uint16', 'Uint32', 'Uint64']);
    expect(values(t, 'b')).toEqual([true, false, null]);
    expect(values(t, 'i8')).toEqual([-128, 127, null]);
    expect(values(t, 'i16')).toEqual([-32768, 32767, null]);
    expect(values(t, 'i32')).toEqual([-2147483648, 2147483647, null]);
    expect(values(t, 'i64')).toEqual([-9223372036854775808n, 9223372036854775807n, null]);
    expect(values(t, 'u8')).toEqual([0, 255, null]);
    expect(values(t, 'u16')).toEqual([0, 65535, null]);
    expect(values(t, 'u32')).toEqual([0, 4294967295, null]);
    expect(values(t, 'u64')).toEqual([0n, 18446744073709551615n, null]);
    expect(t.schema.fields.map((f) => t.getChild(f.name)?.nullCount)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1]);
  });

  it('keeps HUGEINT and UHUGEINT exact as scale-0 decimals', async () => {
    const from = `(VALUES
      (-170141183460469231731687303715884105727::HUGEINT - 1, 0::UHUGEINT),
      (170141183460469231731687303715884105727::HUGEINT, 340282366920938463463374607431768211455::UHUGEINT),
      (-1::HUGEINT, 1::UHUGEINT), (NULL, NULL)) v(h, uh)`;
    const t = await arrow(`SELECT * FROM ${from}`);
    expect(String(t.getChild('h')?.type)).toBe('Decimal[38e0]');
    expect((t.getChild('uh')?.type as Decimal).bitWidth).toBe(256);
    expect(decimalText(t, 'h')).toEqual(await duckText('h', from));
    expect(decimalText(t, 'uh')).toEqual(await duckText('uh', from));
    expect(decimalText(t, 'h')[0]).toBe('-170141183460469231731687303715884105728');
  });

  it('keeps every digit of DECIMALs of each storage width, negative ones included', async () => {
    const from = `(VALUES
      (12345678901234.5678::DECIMAL(18,4), -1.5::DECIMAL(4,1), 1234567.89::DECIMAL(9,2), -1234567890123456789012345678.0123456789::DECIMAL(38,10)),
      (-12345678901234.5678::DECIMAL(18,4), 999.9::DECIMAL(4,1), -0.01::DECIMAL(9,2), 0.0000000001::DECIMAL(38,10)),
      (NULL, NULL, NULL, NULL)) v(d18, d4, d9, d38)`;
    const t = await arrow(`SELECT * FROM ${from}`);
    expect(t.schema.fields.map((f) => String(f.type))).toEqual(['Decimal[18e+4]', 'Decimal[4e+1]', 'Decimal[9e+2]', 'Decimal[38e+10]']);
    for (const name of ['d18', 'd4', 'd9', 'd38']) expect(decimalText(t, name)).toEqual(await duckText(name, from));
    expect(decimalText(t, 'd18')).toEqual(['12345678901234.5678', '-12345678901234.5678', null]);
  });

  it('converts FLOAT and DOUBLE, including NaN, infinities and NULL', async () => {
    const t = await arrow(`SELECT * FROM (VALUES (1.5::FLOAT, -2.25::DOUBLE), ('nan'::FLOAT, 'inf'::DOUBLE), (NULL, '-inf'::DOUBLE), (3.4e38::FLOAT, NULL)) v(f, d)`);
    expect(t.schema.fields.map((f) => String(f.type))).toEqual(['Float32', 'Float64']);
    const f = values(t, 'f');
    expect(f[0]).toBe(1.5);
    expect(Number.isNaN(f[1])).toBe(true);
    expect(f[2]).toBeNull();
    expect(f[3]).toBeCloseTo(3.4e38, -33);
    expect(values(t, 'd')).toEqual([-2.25, Infinity, -Infinity, null]);
  });

  it('copies VARCHAR and BLOB bytes exactly, short, long, unicode and empty', async () => {
    const long = 'a long string that does not fit inline — with ünïcödé 🦆';
    const from = `(VALUES ('', ''::BLOB), ('short', '\\x00\\xFF'::BLOB), ('${long}', 'abcdefghijklmnopqrstuvwxyz'::BLOB), (NULL, NULL), ('ωmega', '\\x01'::BLOB)) v(s, b)`;
    const t = await arrow(`SELECT * FROM ${from}`);
    expect(t.schema.fields.map((f) => String(f.type))).toEqual(['Utf8', 'Binary']);
    expect(values(t, 's')).toEqual(['', 'short', long, null, 'ωmega']);
    const blobs = values(t, 'b').map((b) => (b === null ? null : Array.from(b as Uint8Array)));
    expect(blobs).toEqual([[], [0, 255], Array.from(Buffer.from('abcdefghijklmnopqrstuvwxyz')), null, [1]]);
  });

  it('sends UUIDs as their canonical text', async () => {
    const from = `(VALUES ('00000000-0000-0000-0000-000000000000'::UUID), ('ffffffff-ffff-ffff-ffff-ffffffffffff'::UUID),
      ('7fffffff-0000-4000-8000-0123456789ab'::UUID), ('80000000-0000-0000-0000-000000000001'::UUID), (NULL), (gen_random_uuid())) v(u)`;
    await conn.run(`CREATE OR REPLACE TEMP TABLE uuids AS SELECT * FROM ${from}`);
    const t = await arrow('SELECT u FROM uuids');
    expect(String(t.getChild('u')?.type)).toBe('Utf8');
    expect(values(t, 'u')).toEqual(await duckText('u', 'uuids'));
  });

  it('converts DATE, TIME and TIMESTAMPs of every precision exactly, before 1970 too', async () => {
    const from = `(VALUES
      (DATE '1969-07-20', TIME '00:00:00', TIMESTAMP_S '1901-12-13 20:45:52', TIMESTAMP_MS '1969-12-31 23:59:59.999', TIMESTAMP '1950-06-01 12:00:00.000001', TIMESTAMP_NS '1969-12-31 23:59:59.999999999', TIMESTAMPTZ '1960-01-01 00:00:00.5+00'),
      (DATE '2024-02-29', TIME '23:59:59.999999', TIMESTAMP_S '2038-01-19 03:14:08', TIMESTAMP_MS '2024-01-01 00:00:00.001', TIMESTAMP '2262-04-11 23:47:16.854775', TIMESTAMP_NS '2024-05-06 07:08:09.123456789', TIMESTAMPTZ '2024-05-06 07:08:09.123456+00'),
      (NULL, NULL, NULL, NULL, NULL, NULL, NULL)) v(d, t, ts_s, ts_ms, ts_us, ts_ns, tz)`;
    const t = await arrow(`SELECT * FROM ${from}`);
    const fields = Object.fromEntries(t.schema.fields.map((f) => [f.name, f.type]));
    expect(DataType.isDate(fields.d)).toBe(true);
    expect(fields.t?.unit).toBe(TimeUnit.MICROSECOND);
    expect([fields.ts_s?.unit, fields.ts_ms?.unit, fields.ts_us?.unit, fields.ts_ns?.unit]).toEqual([
      TimeUnit.SECOND,
      TimeUnit.MILLISECOND,
      TimeUnit.MICROSECOND,
      TimeUnit.NANOSECOND,
    ]);
    expect(fields.ts_us?.timezone ?? null).toBeNull();
    expect(fields.tz?.timezone).toBe('UTC');
    expect(fields.tz?.unit).toBe(TimeUnit.MICROSECOND);

    const expected = await conn.all<Record<string, string | null>>(`SELECT
        (d - DATE '1970-01-01')::VARCHAR AS d, (epoch_us(DATE '1970-01-01' + t))::VARCHAR AS t,
        epoch(ts_s)::BIGINT::VARCHAR AS ts_s, epoch_ms(ts_ms)::VARCHAR AS ts_ms, epoch_us(ts_us)::VARCHAR AS ts_us,
        epoch_ns(ts_ns)::VARCHAR AS ts_ns, epoch_us(tz)::VARCHAR AS tz FROM ${from}`);
    const days = values(t, 'd').map((ms) => (ms === null ? null : String((ms as number) / 86_400_000)));
    expect(days).toEqual(expected.map((r) => r.d));
    for (const name of ['t', 'ts_s', 'ts_ms', 'ts_us', 'ts_ns', 'tz']) {
      expect(raw64(t, name).map((v) => (v === null ? null : String(v))), name).toEqual(expected.map((r) => r[name]));
    }
    expect(raw64(t, 'ts_ns')[0]).toBe(-1n);
  });

  it('converts INTERVAL to month-day-nano, negative parts included', async () => {
    const t = await arrow(`SELECT * FROM (VALUES
      (INTERVAL '1 year 2 months 3 days 04:05:06.000007'), (INTERVAL '-1 day -00:00:01'), (NULL), (INTERVAL 0 SECOND)) v(i)`);
    expect(String(t.getChild('i')?.type)).toBe('Interval<MONTH_DAY_NANO>');
    const parts = values(t, 'i').map((v) => {
      if (v === null) return null;
      const ints = v as Int32Array;
      const nanos = new BigInt64Array(ints.buffer, ints.byteOffset + 8, 1)[0];
      return [ints[0], ints[1], nanos];
    });
    expect(parts).toEqual([[14, 3, 14_706_000_007_000n], [0, -1, -1_000_000_000n], null, [0, 0, 0n]]);
  });

  it('turns ENUMs into dictionaries, with the narrowest index that fits', async () => {
    await conn.run(`CREATE OR REPLACE TEMP TABLE moods (m ENUM('sad', 'ok', 'happy'), w VARCHAR)`);
    await conn.run(`INSERT INTO moods VALUES ('sad', 'v60'), ('happy', 'v120'), (NULL, NULL), ('ok', 'v180')`);
    const wide = Array.from({ length: 200 }, (_, i) => `'v${i}'`).join(', ');
    const t = await arrow(`SELECT m, w::ENUM(${wide}) AS wide FROM moods`);
    const type = t.getChild('m')?.type as Dictionary;
    expect(type).toBeInstanceOf(Dictionary);
    expect(String(type.indices)).toBe('Int8');
    expect(values(t, 'm')).toEqual(['sad', 'happy', null, 'ok']);
    expect(String((t.getChild('wide')?.type as Dictionary).indices)).toBe('Int16');
    expect(values(t, 'wide')).toEqual(['v60', 'v120', null, 'v180']);
  });

  it('converts LISTs: empty, NULL, NULL elements, strings, and lists of structs', async () => {
    const t = await arrow(`SELECT * FROM (VALUES
      ([1, NULL, 3], ['a', 'a string longer than twelve'], [{'k': 1, 's': 'x'}, {'k': NULL, 's': NULL}], [[1], [], NULL]),
      ([], [], [], []),
      (NULL, NULL, NULL, NULL),
      ([4], [NULL], [NULL], [[2, 3]])) v(ints, strs, structs, nested)`);
    expect(String(t.getChild('structs')?.type)).toBe('List<Struct<{k:Int32, s:Utf8}>>');
    const plain = (name: string): unknown => JSON.parse(JSON.stringify(values(t, name)));
    expect(plain('ints')).toEqual([[1, null, 3], [], null, [4]]);
    expect(plain('strs')).toEqual([['a', 'a string longer than twelve'], [], null, [null]]);
    expect(plain('structs')).toEqual([[{ k: 1, s: 'x' }, { k: null, s: null }], [], null, [null]]);
    expect(plain('nested')).toEqual([[[1], [], null], [], null, [[2, 3]]]);
    expect(['ints', 'strs', 'structs', 'nested'].map((name) => t.getChild(name)?.nullCount)).toEqual([1, 1, 1, 1]);
  });

  it('converts STRUCTs, NULL structs and NULL fields', async () => {
    const t = await arrow(`SELECT * FROM (VALUES
      ({'id': 1, 'name': 'a name longer than twelve', 'tags': ['x']}),
      (NULL),
      ({'id': NULL, 'name': NULL, 'tags': NULL})) v(s)`);
    expect(String(t.getChild('s')?.type)).toBe('Struct<{id:Int32, name:Utf8, tags:List<Utf8>}>');
    expect(JSON.parse(JSON.stringify(values(t, 's')))).toEqual([{ id: 1, name: 'a name longer than twelve', tags: ['x'] }, null, { id: null, name: null, tags: null }]);
  });

  it('converts MAPs to Arrow maps, empty and NULL ones included', async () => {
    const t = await arrow(`SELECT * FROM (VALUES (MAP {'a': 1, 'b': NULL}), (MAP {}), (NULL), (MAP {'c': 3})) v(m)`);
    expect(String(t.getChild('m')?.type)).toBe('Map<{key:Utf8, value:Int32}>');
    expect(JSON.parse(JSON.stringify(values(t, 'm')))).toEqual([{ a: 1, b: null }, {}, null, { c: 3 }]);
  });

  it('converts fixed-size ARRAYs to FixedSizeList', async () => {
    const t = await arrow(`SELECT * FROM (VALUES ([1, 2, 3]::INTEGER[3], ['x', 'a string longer than twelve']::VARCHAR[2]),
      (NULL, NULL), ([NULL, 5, 6]::INTEGER[3], [NULL, 'y']::VARCHAR[2])) v(a, s)`);
    expect(String(t.getChild('a')?.type)).toBe('FixedSizeList[3]<Int32>');
    expect(JSON.parse(JSON.stringify(values(t, 'a')))).toEqual([[1, 2, 3], null, [null, 5, 6]]);
    expect(JSON.parse(JSON.stringify(values(t, 's')))).toEqual([['x', 'a string longer than twelve'], null, [null, 'y']]);
  });

  it('sends types Arrow lacks as DuckDB text', async () => {
    const from = `(VALUES (TIMETZ '12:34:56+02', '1010'::BIT, union_value(n := 42)::UNION(n INTEGER, s VARCHAR)), (NULL, NULL, NULL)) v(ttz, bits, u)`;
    const t = await arrow(`SELECT * FROM ${from}`);
    expect(t.schema.fields.map((f) => String(f.type))).toEqual(['Utf8', 'Utf8', 'Utf8']);
    for (const name of ['ttz', 'bits', 'u']) expect(values(t, name)).toEqual(await duckText(name, from));
  });

  it('reads results of many chunks into a few large record batches', async () => {
    const result = await conn.arrow(`SELECT range AS id, CASE WHEN range % 7 = 0 THEN NULL ELSE 'row ' || range || ' of the long result' END AS s,
      [range, range + 1] AS l, range % 3 = 0 AS b FROM range(70000)`);
    expect(result.rowCount).toBe(70000);
    const t = tableFromIPC(result.ipc);
    expect(t.batches.length).toBe(2);
    for (const i of [0, 2047, 2048, 65535, 65536, 69999]) {
      const row = t.get(i)?.toJSON() as Record<string, unknown>;
      expect(row.id).toBe(BigInt(i));
      expect(row.s).toBe(i % 7 === 0 ? null : `row ${i} of the long result`);
      expect(JSON.parse(JSON.stringify(Array.from(row.l as Iterable<bigint>, Number)))).toEqual([i, i + 1]);
      expect(row.b).toBe(i % 3 === 0);
    }
    expect(t.getChild('s')?.nullCount).toBe(10000);
  });

  it('keeps the schema of an empty result', async () => {
    const result = await conn.arrow(`SELECT 1::INTEGER AS n, 'x' AS s, [1] AS l, 'a'::ENUM('a') AS e WHERE false`);
    expect(result.rowCount).toBe(0);
    expect(result.columns).toEqual([
      { name: 'n', type: 'INTEGER' },
      { name: 's', type: 'VARCHAR' },
      { name: 'l', type: 'INTEGER[]' },
      { name: 'e', type: "ENUM('a')" },
    ]);
    const t = tableFromIPC(result.ipc);
    expect(t.numRows).toBe(0);
    expect(t.schema.fields.map((f) => `${f.name}:${String(f.type)}`)).toEqual(['n:Int32', 's:Utf8', 'l:List<Int32>', 'e:Dictionary<Int8, Utf8>']);
  });

  it('makes duplicate column names unique and reports DuckDB type names', async () => {
    const result = await conn.arrow(`SELECT 1 AS a, 2 AS a, 1.5::DECIMAL(18,3) AS d`);
    expect(result.columns).toEqual([
      { name: 'a', type: 'INTEGER' },
      { name: 'a_1', type: 'INTEGER' },
      { name: 'd', type: 'DECIMAL(18,3)' },
    ]);
    expect(tableFromIPC(result.ipc).get(0)?.toJSON()).toMatchObject({ a: 1, a_1: 2 });
  });

  it('reads selected items of a vector, as nested lists may reference them', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const raw = await instance.connect();
    const result = await raw.run(`SELECT range::INTEGER AS i, 'value number ' || range AS s, [range] AS l FROM range(5)`);
    const chunk = await result.fetchChunk();
    if (!chunk) throw new Error('no chunk');
    const sel = Uint32Array.of(4, 1, 1, 0);
    const column = (c: number): unknown[] => {
      const encoder = encoderFor(result.columnType(c), new EncoderContext());
      const vector = new Vector([encoder.encode([{ vector: duckdb.data_chunk_get_vector(chunk.chunk, c), rows: { count: 4, sel, start: 0, span: chunk.rowCount } }], 4)]);
      return Array.from({ length: 4 }, (_, i) => vector.get(i));
    };
    expect(column(0)).toEqual([4, 1, 1, 0]);
    expect(column(1)).toEqual(['value number 4', 'value number 1', 'value number 1', 'value number 0']);
    expect(column(2).map((l) => Array.from(l as Iterable<bigint>))).toEqual([[4n], [1n], [1n], [0n]]);
    raw.closeSync();
    instance.closeSync();
  });
});
