// The `file` source kind: CSV/TSV, Parquet, JSON/NDJSON and Excel files, one file, a glob or a
// folder per source.
import { IngotError } from '../../../shared/errors.js';
import { bronzeColumns } from '../bronze.js';
import { previewFile } from '../preview.js';
import type { SourceKind } from '../registry.js';
import { landFiles } from './file-land.js';
import { keepsAny, keptDateFormats } from './kept-date-formats.js';
import { formatOptionsOf, FileSourceSchema, type FileSource } from './file-source.js';
import { resolveFiles } from './resolve-files.js';

export const fileKind: SourceKind<FileSource> = {
  kind: 'file',
  schema: FileSourceSchema,
  location: (src) => src.path,
  async preview(ctx, src) {
    const files = await resolveFiles(ctx.ws, ctx.conn, src.path, ctx.source.file);
    const first = files[0];
    if (!first) throw new IngotError('NOT_FOUND', `No files match ${src.path}.`, { detail: { file: ctx.source.file, field: 'path' } });
    // Read dates as a load would: with the formats the source's files in bronze were read with.
    const keptFormats = keepsAny(await keptDateFormats(ctx.conn, ctx.source, src, (await bronzeColumns(ctx.conn, ctx.source.name)) !== null));
    return previewFile(ctx.conn, first.path, formatOptionsOf(src), {
      limit: ctx.limit,
      cacheDir: ctx.ws.paths.cache,
      displayName: first.name,
      columns: src.columns,
      ...(keptFormats ? { keptDateFormats: keptFormats } : {}),
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    });
  },
  land: landFiles,
  changedOptionsReach: 'changed options (encoding, columns, delimiter, …) apply to new files only. To read the loaded files again with them, ingest it again with --replace.',
};
