// Decoding Arrow results into plain values for printing and JSON: the text of dates, times,
// timestamps, intervals and decimals must match what DuckDB itself prints, to the last digit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/engine/db/duckdb.js';
import type { Database, SqlConnection } from '../../../src/engine/db/connection.js';
import { decodeRows } from '../../../src/engine/query/arrow-values.js';

let db: Database;
let conn: SqlConnection;

beforeAll(async () => {
  db = await openDatabase(':memory:', { threads: 1 });
  conn = await db.connect();
  await conn.run(`SET TimeZone = 'UTC'`);
});

afterAll(() => {
  conn.close();
  db.close();
});

/** Decoded values of column `v` beside DuckDB's own text for them. */
async function decodedAndDuck(values: string): Promise<{ decoded: unknown[]; duck: unknown[] }> {
  const from = `(VALUES ${values}) t(v)`;
  const result = await conn.arrow(`SELECT v FROM ${from}`);
  const duck = (await conn.all<{ s: string | null }>(`SELECT v::VARCHAR AS s FROM ${from}`)).map((r) => r.s);
  return { decoded: decodeRows(result.ipc).rows.map((r) => r[0]), duck };
}

describe('decodeRows', () => {
  it.each([
    ['DATE', `(DATE '2024-02-29'), (DATE '1969-07-20'), (DATE '0044-03-15 (BC)'), (DATE '9999-12-31'), ('infinity'::DATE), ('-infinity'::DATE), (NULL)`],
    ['TIME', `(TIME '00:00:00'), (TIME '23:59:59.999999'), (TIME '12:30:00.5'), (NULL)`],
    ['TIMESTAMP_S', `(TIMESTAMP_S '1901-12-13 20:45:52'), (TIMESTAMP_S '2038-01-19 03:14:08'), (NULL)`],
    ['TIMESTAMP_MS', `(TIMESTAMP_MS '1969-12-31 23:59:59.999'), (TIMESTAMP_MS '2024-01-01 00:00:00.120'), (NULL)`],
    ['TIMESTAMP', `(TIMESTAMP '1950-06-01 12:00:00.000001'), (TIMESTAMP '2024-05-06 07:08:09'), (TIMESTAMP '0001-01-01 00:00:00'), ('infinity'::TIMESTAMP), (NULL)`],
    ['TIMESTAMP_NS', `(TIMESTAMP_NS '1969-12-31 23:59:59.999999999'), (TIMESTAMP_NS '2024-05-06 07:08:09.123456789'), (NULL)`],
    ['TIMESTAMPTZ', `(TIMESTAMPTZ '1960-01-01 00:00:00.5+00'), (TIMESTAMPTZ '2024-05-06 07:08:09.123456+00'), (NULL)`],
    ['INTERVAL', `(INTERVAL '1 year 2 months 3 days 04:05:06.000007'), (INTERVAL '-1 day -00:00:01'), (INTERVAL 0 SECOND), (INTERVAL 25 HOUR), (INTERVAL 1 MONTH), (NULL)`],
    ['DECIMAL', `(12345678901234.5678::DECIMAL(18,4)), (-12345678901234.5678::DECIMAL(18,4)), (0.0001::DECIMAL(18,4)), (-0.5::DECIMAL(18,4)), (NULL)`],
    ['HUGEINT', `(170141183460469231731687303715884105727::HUGEINT), (-170141183460469231731687303715884105727::HUGEINT - 1), (NULL)`],
    ['UHUGEINT', `(340282366920938463463374607431768211455::UHUGEINT), (0::UHUGEINT), (NULL)`],
    ['ENUM', `('b'::ENUM('a', 'b')), ('a'::ENUM('a', 'b')), (NULL)`],
    ['UUID', `('ffffffff-ffff-ffff-ffff-ffffffffffff'::UUID), ('00000000-0000-0000-0000-000000000001'::UUID), (NULL)`],
  ])('prints %s as DuckDB does', async (_name, values) => {
    const { decoded, duck } = await decodedAndDuck(values);
    expect(decoded).toEqual(duck);
  });

  it('keeps numbers as numbers where exact, and says NaN and infinity in words', async () => {
    const result = await conn.arrow(`SELECT 42::INTEGER AS i, 9007199254740993::BIGINT AS big, 5::UBIGINT AS small, 1.5::DOUBLE AS d, 'nan'::DOUBLE AS nan, '-inf'::FLOAT AS ninf, true AS b`);
    expect(decodeRows(result.ipc).rows[0]).toEqual([42, 9007199254740993n, 5, 1.5, 'NaN', '-Infinity', true]);
  });

  it('turns lists, arrays, structs, maps and enums into plain arrays and objects', async () => {
    const result = await conn.arrow(`SELECT [1, NULL] AS l, [[1], []] AS ll, [1.5, 2]::DOUBLE[2] AS a, {'x': 1, 'y': [DATE '2024-01-01']} AS s,
      MAP {'k': 1.5::DECIMAL(4,2)} AS m, 'b'::ENUM('a', 'b') AS e, '\\x00AB'::BLOB AS blob, NULL::INTEGER[] AS nl`);
    const { columns, rows } = decodeRows(result.ipc);
    expect(columns).toEqual(['l', 'll', 'a', 's', 'm', 'e', 'blob', 'nl']);
    expect(rows[0]).toEqual([[1, null], [[1], []], [1.5, 2], { x: 1, y: ['2024-01-01'] }, { k: '1.50' }, 'b', Uint8Array.of(0, 65, 66), null]);
  });

  it('stops after maxRows, across record batches', async () => {
    const result = await conn.arrow('SELECT range AS n FROM range(70000)');
    const { rows } = decodeRows(result.ipc, 65540);
    expect(rows.length).toBe(65540);
    expect(rows.at(-1)).toEqual([65539]);
  });
});
