// The `http` source kind: JSON APIs with authentication, pagination, retries, rate limits and
// incremental cursors, landed in bronze like files (drift, lineage, the batch ledger).
import type { SourceKind } from '../registry.js';
import { landHttp } from './http-land.js';
import { previewHttp } from './http-preview.js';
import { HttpSourceSchema, type HttpSource } from './http-source.js';

export const httpKind: SourceKind<HttpSource> = {
  kind: 'http',
  schema: HttpSourceSchema,
  location: (src) => src.url,
  preview: (ctx, src) => previewHttp(ctx, src),
  land: (ctx, src) => landHttp(ctx, src),
  changedOptionsReach: 'changed options apply to records fetched from now on. To load the records already in bronze again with them, ingest it again with --replace.',
};
