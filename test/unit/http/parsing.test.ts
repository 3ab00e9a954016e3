// The small readers behind HTTP sources: records paths (dotted and JSONPath subset, and finding
// one), byte offsets of JSON errors, Link headers, Retry-After, templates, STRUCT types, the
// shape check that widens DuckDB's sample, and backoff with jitter.
import { describe, expect, it } from 'vitest';
import { locateJsonError } from '../../../src/engine/ingest/http/json-error.js';
import { linkTarget } from '../../../src/engine/ingest/http/link-header.js';
import { findRecordsPath, parseRecordsPath, selectRecords, type RecordsPath } from '../../../src/engine/ingest/http/records-path.js';
import { recordLines, recordsSpan } from '../../../src/engine/ingest/http/records-span.js';
import { retryAfterMs } from '../../../src/engine/ingest/http/retry-after.js';
import { mergeShape, uncoveredKey, type Shape } from '../../../src/engine/ingest/http/shape.js';
import { backoffMs } from '../../../src/engine/ingest/http/sleep.js';
import { structFields } from '../../../src/engine/ingest/http/struct-type.js';
import { renderTemplate, unknownTemplateNames } from '../../../src/engine/ingest/http/template.js';

const path = (text: string): RecordsPath => parseRecordsPath(text) as RecordsPath;

describe('records paths', () => {
  const doc = { data: { items: [{ a: 1 }, { a: 2 }] }, groups: [{ events: [{ e: 1 }] }, { events: [{ e: 2 }, { e: 3 }] }], 'odd key': [{ z: 1 }], empty: null };
  it('selects with dotted paths and the JSONPath subset', () => {
    expect(selectRecords(doc, path('data.items'))).toEqual([{ a: 1 }, { a: 2 }]);
    expect(selectRecords(doc, path('$.data.items[*]'))).toEqual([{ a: 1 }, { a: 2 }]);
    expect(selectRecords(doc, path('$.data.items[1]'))).toEqual([{ a: 2 }]);
    expect(selectRecords(doc, path('$.groups[*].events[*]'))).toEqual([{ e: 1 }, { e: 2 }, { e: 3 }]);
    expect(selectRecords(doc, path("$['odd key']"))).toEqual([{ z: 1 }]);
    expect(selectRecords(doc, path('empty'))).toEqual([]);
    expect(selectRecords(doc, path('data.nothing'))).toBeUndefined();
    expect(selectRecords([{ a: 1 }], path('$'))).toEqual([{ a: 1 }]);
    expect(parseRecordsPath('$.data..x')).toMatch(/not a supported path at character 7/);
    expect(parseRecordsPath('data..x')).toMatch(/empty key/);
  });
  it('finds the first array of objects, breadth first', () => {
    expect(findRecordsPath([{ a: 1 }])?.text).toBe('$');
    expect(findRecordsPath({ meta: { tags: ['x'] }, result: { page: { rows: [{ a: 1 }] } } })?.text).toBe('result.page.rows');
    expect(findRecordsPath({ 'the rows': [{ a: 1 }] })?.text).toBe("$['the rows']");
    expect(findRecordsPath({ items: [] })?.text).toBe('items');
    expect(findRecordsPath({ count: 3 })).toBeUndefined();
  });
});

describe('records spans', () => {
  const span = (text: string, p: string): string | undefined => {
    const body = Buffer.from(text);
    const at = recordsSpan(body, path(p));
    return at && body.subarray(at.start, at.end).toString();
  };
  it('finds the bytes of the records array, as JSON.parse reads the document', () => {
    expect(span(' [ {"a":1} ] ', '$')).toBe(' {"a":1} ');
    expect(span('{"meta":{"s":"x]}\\"[{"},"data":{"items":[{"a":"]"},{"b":[1,{"c":2}]}]},"n":1}', 'data.items')).toBe('{"a":"]"},{"b":[1,{"c":2}]}');
    expect(span('{"data":[{"a":1}],"data":[{"a":2}]}', 'data')).toBe('{"a":2}');
    expect(span('{"d\\u0061ta":[{"a":1}]}', 'data')).toBe('{"a":1}');
    expect(span('{"data":{"items":3}}', 'data.items')).toBeUndefined();
    expect(span('{"data":[{"a":1}]}', '$.data[0]')).toBeUndefined();
    expect(span('{"other":[]}', 'data')).toBeUndefined();
  });
  it('cuts minified records into lines, and leaves pretty-printed ones to be serialized', () => {
    const lines = (text: string, p: string, n: number) => recordLines(Buffer.from(text), path(p), n)?.toString();
    expect(lines('{"data": [ {"a":"x,y"} , {"b":[1,{"c":"}"}]},{"d":null}], "n": 3}', 'data', 3)).toBe('{"a":"x,y"}\n{"b":[1,{"c":"}"}]}\n{"d":null}\n');
    expect(lines('{"data":[\n  {"a": 1}\n]}', 'data', 1)).toBeUndefined();
    expect(lines('[{"a":1},{"a":2}]', '$', 3)).toBeUndefined();
  });
});

describe('JSON error offsets', () => {
  const at = (text: string) => locateJsonError(Buffer.from(text));
  it('points at the first syntax error in bytes, and calls an early end truncation', () => {
    expect(at('{"a": [1, 2]}')).toBeUndefined();
    expect(at('{"a": [1, 2')).toEqual({ offset: 11, reason: 'the body ends before the JSON does (it looks truncated)', truncated: true });
    expect(at('{"é": tru')).toMatchObject({ offset: 10, truncated: true });
    expect(at('{"é": x}')).toMatchObject({ offset: 7, truncated: false });
    expect(at('{"a" 1}')).toMatchObject({ offset: 5, reason: 'expected ":" after a property name' });
    expect(at('[1 2]')).toMatchObject({ offset: 3, reason: 'expected "," or "]"' });
    expect(at('{"a": 1} x')).toMatchObject({ offset: 9, reason: 'unexpected data after the end of the JSON value' });
    expect(at('{"a": "\u0001"}')).toMatchObject({ offset: 7, reason: 'a control character inside a string' });
    expect(at('{"a": 01}')).toMatchObject({ offset: 7 });
    expect(at('')).toMatchObject({ offset: 0, reason: 'the body is empty' });
  });
});

describe('headers and templates', () => {
  it('reads rel="next" from Link headers', () => {
    const base = 'https://api.example.com/v1/items?page=2';
    expect(linkTarget('<https://api.example.com/v1/items?page=3>; rel="next", <https://api.example.com/v1/items?page=1>; rel="prev"', base)).toBe('https://api.example.com/v1/items?page=3');
    expect(linkTarget('</v1/items?page=3>; rel="next last"', base)).toBe('https://api.example.com/v1/items?page=3');
    expect(linkTarget('<https://x/y>; rel=next; title="a, b"', base)).toBe('https://x/y');
    expect(linkTarget('<https://x/y>; rel="prev"', base)).toBeUndefined();
    expect(linkTarget(undefined, base)).toBeUndefined();
  });
  it('reads Retry-After as seconds or an HTTP-date', () => {
    const now = Date.parse('2024-03-01T10:00:00Z');
    expect(retryAfterMs('7', now)).toBe(7000);
    expect(retryAfterMs('Fri, 01 Mar 2024 10:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Fri, 01 Mar 2024 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });
  it('renders templates and names unknown variables', () => {
    expect(renderTemplate('/orders?since={{ cursor }}&p={{page}}', { cursor: '2024-03-01T10:00:00+01:00', page: '2' }, encodeURIComponent)).toBe('/orders?since=2024-03-01T10%3A00%3A00%2B01%3A00&p=2');
    expect(renderTemplate('{{next}}', {})).toBe('');
    expect(unknownTemplateNames('{{cursor}} {{token}}')).toEqual(['token']);
  });
  it('backs off exponentially with jitter, capped', () => {
    expect(backoffMs(1, 100, 10_000, () => 0)).toBe(50);
    expect(backoffMs(3, 100, 10_000, () => 1)).toBe(400);
    expect(backoffMs(20, 100, 1000, () => 0.5)).toBe(750);
  });
});

describe('STRUCT types and record shapes', () => {
  it('reads STRUCT fields in both spellings DuckDB prints', () => {
    expect(structFields('STRUCT(id VARCHAR, "first name" STRUCT(x INTEGER), tags VARCHAR[])')).toEqual([
      { name: 'id', type: 'VARCHAR' },
      { name: 'first name', type: 'STRUCT(x INTEGER)' },
      { name: 'tags', type: 'VARCHAR[]' },
    ]);
    expect(structFields('STRUCT("a ""q""" DECIMAL(18,2))')).toEqual([{ name: 'a "q"', type: 'DECIMAL(18,2)' }]);
    expect(structFields('STRUCT(a INTEGER)[]')).toBeUndefined();
    expect(structFields('VARCHAR')).toBeUndefined();
  });
  it('finds keys that the inferred columns do not cover', () => {
    const shape: Shape = {};
    mergeShape(shape, [{ id: 1, c: { a: 1 }, list: [{ x: 1 }] }, { id: 2, c: { b: 2 }, list: [{ y: 2 }], __proto__: 1 } as Record<string, unknown>]);
    const columns = [
      { name: 'id', type: 'BIGINT' },
      { name: 'c', type: 'STRUCT(a BIGINT, b BIGINT)' },
      { name: 'list', type: 'STRUCT(x BIGINT)[]' },
    ];
    expect(uncoveredKey(shape, columns)).toBe('list.y');
    expect(uncoveredKey(shape, [...columns.slice(0, 2), { name: 'list', type: 'JSON[]' }])).toBeUndefined();
    expect(uncoveredKey(shape, columns.slice(1))).toBe('id');
  });
});
