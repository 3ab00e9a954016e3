// Fetches the first page of an HTTP source as a load would (credentials, limits, retries, the
// incremental start value, no stored cursor) and reads its records: shared by preview and the
// "test request" of the ingest screen.
import type { Redactor } from '../../secrets/redactor.js';
import type { SecretStore } from '../../secrets/secret-store.js';
import { buildRequest } from './build-request.js';
import { createHttpClient, type HttpClient } from './client.js';
import type { HttpSource } from './http-source.js';
import { readPage, type ParsedPage } from './page.js';
import { createPaginator } from './paginate.js';
import { parseRecordsPath, type RecordsPath } from './records-path.js';
import type { HttpRequest, HttpResponse } from './request.js';

export interface FirstPage {
  client: HttpClient;
  request: HttpRequest;
  response: HttpResponse;
  /** The URL as it may be shown. */
  url: string;
}

/** The first request of a load of `src`, and a client to send it with (close it when done). */
export async function firstRequest(src: HttpSource, file: string, store: SecretStore, redactor: Redactor): Promise<{ client: HttpClient; request: HttpRequest }> {
  const client = await createHttpClient(src, { file, store, redactor });
  const paginator = createPaginator(src.pagination, file, (u) => client.display(u));
  return { client, request: buildRequest(src, paginator.request({ kind: 'first' }), src.incremental?.start ?? null) };
}

/** The configured records path, if any. */
export function configuredPath(src: HttpSource): RecordsPath | undefined {
  const parsed = src.records !== undefined ? parseRecordsPath(src.records) : undefined;
  return typeof parsed === 'string' ? undefined : parsed;
}

/** Reads `response` as page 1. */
export function readFirstPage(src: HttpSource, response: HttpResponse, url: string, file: string): ParsedPage {
  return readPage(response, { url, pageNo: 1, file }, configuredPath(src));
}
