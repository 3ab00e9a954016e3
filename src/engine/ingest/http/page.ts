// Reads one response as a page of records: parses the JSON (an invalid or cut-off body fails with
// the page's URL and the byte offset), follows the records path (or finds the first array of
// objects and says which path it took), and checks that every record is an object.
import { IngotError } from '../../../shared/errors.js';
import { excerpt } from './http-errors.js';
import { locateJsonError } from './json-error.js';
import { findRecordsPath, selectRecords, topLevelKeys, type RecordsPath } from './records-path.js';
import type { HttpResponse } from './request.js';

export interface PageWhere {
  /** The URL as messages may show it. */
  url: string;
  pageNo: number;
  file: string;
}

export interface ParsedPage {
  doc: unknown;
  records: Record<string, unknown>[];
  /** The path used; undefined only for an empty (204) first page without a configured path. */
  path: RecordsPath | undefined;
  /** True when this page's path was found automatically (no `records:` yet). */
  found: boolean;
}

const at = (w: PageWhere): string => `${w.url} (page ${w.pageNo})`;

function parseError(res: HttpResponse, w: PageWhere): IngotError {
  const body = res.body;
  const first = body.toString('utf8', 0, Math.min(body.length, 64)).replace(/^\uFEFF/, '').trimStart().charAt(0);
  const type = String(res.headers['content-type'] ?? 'no content-type');
  if (first !== '' && !'{["-0123456789tfn'.includes(first)) {
    return new IngotError('INGEST_FAILED', `The response from ${at(w)} is not JSON (${type}); it starts with: ${excerpt(body, 80)}`, {
      hint: 'Check the url: it may point at a web page rather than the API, or the API may need an `Accept: application/json` header.',
      detail: { file: w.file, url: w.url, page: w.pageNo, byteOffset: 0 },
    });
  }
  const where = locateJsonError(body) ?? { offset: body.length, reason: 'the JSON is incomplete', truncated: true };
  const what = where.truncated ? `is cut off: the JSON ends early at byte ${where.offset}` : `is not valid JSON at byte ${where.offset}: ${where.reason}`;
  return new IngotError('INGEST_FAILED', `The response from ${at(w)} ${what}. Nothing of this load was kept.`, {
    hint: where.truncated ? 'The server or the connection cut the response short; load again. If it keeps happening, ask for smaller pages.' : 'The API sent malformed JSON; load again, and report it to the API provider if it persists.',
    detail: { file: w.file, url: w.url, page: w.pageNo, byteOffset: where.offset },
  });
}

/** Parses `res` as a page; `path` is the configured (or previously found) records path. */
export function readPage(res: HttpResponse, w: PageWhere, path: RecordsPath | undefined): ParsedPage {
  if (res.body.length === 0 || res.status === 204) {
    if (res.status === 204) return { doc: null, records: [], path, found: false };
    throw new IngotError('INGEST_FAILED', `The response from ${at(w)} is empty (status ${res.status}, no body).`, {
      hint: 'An API answers an empty page with an empty array, not an empty body; check the url and params.',
      detail: { file: w.file, url: w.url, page: w.pageNo, byteOffset: 0 },
    });
  }
  let doc: unknown;
  try {
    doc = JSON.parse(res.body.toString('utf8'));
  } catch {
    throw parseError(res, w);
  }
  let used = path;
  let found = false;
  if (!used) {
    used = findRecordsPath(doc);
    found = true;
    if (!used) {
      throw new IngotError('INGEST_FAILED', `No array of records in the response from ${at(w)}; top-level keys: ${topLevelKeys(doc)}.`, {
        hint: 'Set `records:` in the source to where the records are, e.g. `records: data.items` or `records: $.results[*]`.',
        detail: { file: w.file, url: w.url, page: w.pageNo, field: 'records' },
      });
    }
  }
  const selected = selectRecords(doc, used);
  if (selected === undefined) {
    throw new IngotError('INGEST_FAILED', `The records path ${used.text} matches nothing in the response from ${at(w)}; top-level keys: ${topLevelKeys(doc)}.`, {
      hint: 'Fix `records:` in the source (a dotted path such as data.items, or JSONPath such as $.data.items[*]); `ingot preview` shows the path Ingot finds by itself when `records:` is unset.',
      detail: { file: w.file, url: w.url, page: w.pageNo, field: 'records' },
    });
  }
  const bad = selected.findIndex((r) => r === null || typeof r !== 'object' || Array.isArray(r));
  if (bad >= 0) {
    const v = selected[bad];
    const kind = v === null ? 'null' : Array.isArray(v) ? 'an array' : `a ${typeof v}`;
    throw new IngotError('INGEST_FAILED', `Record ${bad + 1} at ${used.text} in the response from ${at(w)} is ${kind}, not an object.`, {
      hint: 'Point `records:` at an array of objects (each object becomes a row).',
      detail: { file: w.file, url: w.url, page: w.pageNo, field: 'records', record: bad + 1 },
    });
  }
  return { doc, records: selected as Record<string, unknown>[], path: used, found };
}
