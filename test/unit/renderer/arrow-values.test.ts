// Display values by Arrow type, read from real Arrow IPC bytes: numbers right-aligned, 64-bit
// integers and decimals exact, NULL distinct, dates and timestamps as ISO 8601.
import { Bool, DateDay, Decimal, Float64, Int32, Int64, makeData, makeVector, Table, tableFromIPC, tableToIPC, TimeMicrosecond, TimestampMicrosecond, TimestampMillisecond, TimeUnit, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { columnReader, isoTime, isoTimestamp, scaleDecimal } from '../../../src/renderer/components/grid/arrow-values.js';
import { useMemoryConnection } from '../../helpers/memory-connection.js';

/** Round-trips columns through Arrow IPC, as pages arrive from the engine. */
function viaIpc(columns: Record<string, Vector>): Table {
  return tableFromIPC(tableToIPC(new Table(columns)));
}

function texts(table: Table, name: string): string[] {
  const vector = table.getChild(name);
  if (!vector) throw new Error(`no column ${name}`);
  const read = columnReader(vector);
  return Array.from({ length: table.numRows }, (_, i) => read(i).text);
}

const connection = useMemoryConnection();

describe('columnReader', () => {
  it('writes INTERVALs from the engine as DuckDB does', async () => {
    const values = ["INTERVAL 3 DAY", "INTERVAL '1 year 2 months 3 hours'", "INTERVAL '-90 minutes'", "INTERVAL '1 month 1 day 00:00:01.5'", "INTERVAL '0 seconds'", "INTERVAL '123:04:05.000006'"];
    const sql = `SELECT ${values.map((v, i) => `${v} AS i${i}, CAST(${v} AS VARCHAR) AS t${i}`).join(', ')}`;
    const table = tableFromIPC((await connection().arrow(sql)).ipc);
    for (let i = 0; i < values.length; i++) expect(texts(table, `i${i}`), values[i]).toEqual(texts(table, `t${i}`));
  });

  it('keeps 64-bit integers exact, right-aligned, and marks NULL', () => {
    const table = viaIpc({ id: vectorFromArray([9007199254740993n, -5n, null], new Int64()) });
    const read = columnReader(table.getChild('id')!);
    expect(read(0)).toEqual({ text: '9007199254740993', kind: 'number', align: 'right' });
    expect(read(1).text).toBe('-5');
    expect(read(2)).toEqual({ text: 'NULL', kind: 'null', align: 'left' });
  });

  it('renders small integers, floats, booleans and strings', () => {
    const table = viaIpc({
      n: vectorFromArray([7, null], new Int32()),
      f: vectorFromArray([1.5, Number.NaN], new Float64()),
      b: vectorFromArray([true, false], new Bool()),
      s: vectorFromArray(['NULL', 'ok'], new Utf8()),
    });
    expect(texts(table, 'n')).toEqual(['7', 'NULL']);
    expect(texts(table, 'f')).toEqual(['1.5', 'NaN']);
    expect(texts(table, 'b')).toEqual(['true', 'false']);
    // A string that says NULL is text, not a null.
    expect(columnReader(table.getChild('s')!)(0)).toEqual({ text: 'NULL', kind: 'text', align: 'left' });
  });

  it('renders decimals with their scale', () => {
    const data = makeData({ type: new Decimal(2, 18, 128), length: 2, nullCount: 0, data: new Uint32Array([12345, 0, 0, 0, 0xffffffff - 98, 0xffffffff, 0xffffffff, 0xffffffff]) });
    const table = viaIpc({ amount: makeVector(data) });
    expect(texts(table, 'amount')).toEqual(['123.45', '-0.99']);
    expect(columnReader(table.getChild('amount')!)(0).align).toBe('right');
  });

  it('renders dates, timestamps and times as ISO 8601', () => {
    const table = viaIpc({
      d: vectorFromArray([new Date('2024-02-29T00:00:00Z')], new DateDay()),
      ms: vectorFromArray([Date.parse('2024-01-02T03:04:05.678Z')], new TimestampMillisecond()),
      tz: vectorFromArray([Date.parse('2024-01-02T03:04:05Z') + 0.123], new TimestampMicrosecond('UTC')),
      t: vectorFromArray([BigInt((13 * 3600 + 45 * 60 + 7) * 1_000_000 + 250_000)] as unknown as number[], new TimeMicrosecond()),
    });
    expect(texts(table, 'd')).toEqual(['2024-02-29']);
    expect(texts(table, 'ms')).toEqual(['2024-01-02T03:04:05.678']);
    expect(texts(table, 'tz')).toEqual(['2024-01-02T03:04:05.000123Z']);
    expect(texts(table, 't')).toEqual(['13:45:07.250000']);
  });
});

describe('formatting helpers', () => {
  it('puts the decimal point back', () => {
    expect(scaleDecimal('12345', 2)).toBe('123.45');
    expect(scaleDecimal('-5', 3)).toBe('-0.005');
    expect(scaleDecimal('7', 0)).toBe('7');
  });

  it('keeps microseconds of timestamps exact', () => {
    expect(isoTimestamp(1704164645678.123, TimeUnit.MICROSECOND, false)).toBe('2024-01-02T03:04:05.678123');
    expect(isoTimestamp(1704164645000, TimeUnit.SECOND, true)).toBe('2024-01-02T03:04:05Z');
  });

  it('renders times of day from bigint units', () => {
    expect(isoTime(3_723_000_000_000n, TimeUnit.NANOSECOND)).toBe('01:02:03.000000');
  });
});
