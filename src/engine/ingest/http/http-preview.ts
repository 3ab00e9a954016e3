// Preview of an HTTP source: the first page's records with the column types DuckDB infers (as the
// load would: flattening and column overrides applied, and fields that held only {} or that bronze
// holds as text typed as the load lands them), and the records path, including the one Ingot found
// by itself when `records:` is unset. Nothing is written to bronze.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { IngotError } from '../../../shared/errors.js';
import { activeSecretStore } from '../../secrets/active-store.js';
import { createRedactor } from '../../secrets/redactor.js';
import type { SecretStore } from '../../secrets/secret-store.js';
import { bronzeColumns } from '../bronze.js';
import type { PreviewContext } from '../land-context.js';
import { isNestedType, isTextType } from '../nested-text.js';
import type { PreviewResult } from '../types.js';
import { firstRequest, readFirstPage } from './first-page.js';
import type { HttpSource } from './http-source.js';
import { mergeShape, type Shape } from './shape.js';
import { spoolRelation } from './spool-relation.js';
import { Spool } from './spool.js';

export interface HttpPreview extends PreviewResult {
  /** The URL of the first page, as it may be shown. */
  url: string;
  status: number;
  /** Records on the first page. */
  records: number;
  recordsPath: string;
  /** True when `records:` is unset and Ingot found the path itself. */
  recordsFound: boolean;
}

export async function previewHttp(ctx: PreviewContext, src: HttpSource, store: SecretStore = activeSecretStore()): Promise<HttpPreview> {
  const redactor = createRedactor();
  try {
    return await preview(ctx, src, store, redactor);
  } catch (err) {
    throw redactor.error(err);
  }
}

async function preview(ctx: PreviewContext, src: HttpSource, store: SecretStore, redactor: ReturnType<typeof createRedactor>): Promise<HttpPreview> {
  const { client, request } = await firstRequest(src, ctx.source.file, store, redactor);
  const path = join(ctx.ws.paths.cache, 'http', `preview-${ctx.source.name}-${randomUUID()}.ndjson`);
  let spool: Spool | undefined;
  try {
    const response = await client.fetch(request, ctx.signal);
    const url = client.display(request.url);
    const page = readFirstPage(src, response, url, ctx.source.file);
    if (page.records.length === 0 || !page.path) {
      throw new IngotError('NOT_FOUND', `The first page of ${url} has no records${page.path ? ` at ${page.path.text}` : ''}, so there is nothing to preview.`, {
        hint: src.incremental?.start ? 'incremental.start may be later than every record; preview shows what the first load would get.' : 'Check the url and params: the API returned an empty page.',
        detail: { file: ctx.source.file, url },
      });
    }
    const shape: Shape = {};
    mergeShape(shape, page.records);
    spool = await Spool.create(path);
    await spool.append(page.records);
    await spool.finish();
    const warnings: string[] = [];
    const existing = (await bronzeColumns(ctx.conn, ctx.source.name)) ?? [];
    const read = await spoolRelation(ctx.conn, path, shape, { flatten: src.flatten, origin: url, warn: (w) => warnings.push(w), existing });
    const overrides = new Map(Object.entries(src.columns).map(([k, v]) => [k.toLowerCase(), v]));
    // Objects in a column bronze holds as text land there as JSON text (see drift.ts), so they show so.
    const asText = new Set(existing.filter((c) => isTextType(c.type)).map((c) => c.name.toLowerCase()));
    const typeOf = (c: { name: string; type: string }): string => overrides.get(c.name.toLowerCase()) ?? (asText.has(c.name.toLowerCase()) && isNestedType(c.type) ? 'VARCHAR' : c.type);
    const columns = read.columns.map((c) => ({ name: c.name, type: typeOf(c) }));
    const rows = await ctx.conn.arrow(`SELECT * FROM ${read.relation(columns)} LIMIT ${ctx.limit}`, undefined, ctx.signal ? { signal: ctx.signal } : {});
    if (page.found) warnings.unshift(`records: not set; Ingot found the records at ${page.path.text}. Set \`records: ${page.path.text}\` in ${ctx.source.file} to pin it.`);
    return { format: 'json', dialect: null, columns, rows, rejects: [], warnings, url, status: response.status, records: page.records.length, recordsPath: page.path.text, recordsFound: page.found };
  } finally {
    client.close();
    await spool?.close();
    await Spool.remove(path);
  }
}
