// Host handlers for getting data in: the catalog of tables, the workspace's sources with their
// last batch, cursor and last error, previewing a file or a source, the "test request" of an HTTP
// source, and ingesting a source (progress streams as `ingestProgress`).
import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { IngotError } from '../../shared/errors.js';
import type { EngineHandlers } from '../../shared/api/engine-api.js';
import type { SourceInfo } from '../../shared/api/ingest.js';
import { httpCursor } from '../ingest/http/http-state.js';
import { testRequest } from '../ingest/http/test-request.js';
import { ingestSource } from '../ingest/ingest.js';
import { sourceKind } from '../ingest/kinds.js';
import { lastBatch } from '../ingest/ledger.js';
import { previewFile } from '../ingest/preview.js';
import { ensureFileSource, listSources, loadSource } from '../ingest/sources.js';
import { listTables } from '../ingest/tables.js';
import type { PreviewResult } from '../ingest/types.js';
import type { HostContext } from './context.js';
import { arrowPayload } from './tables.js';

type IngestHandlers = Pick<EngineHandlers, 'listTables' | 'listSources' | 'previewFile' | 'previewSource' | 'testRequest' | 'addFileSource' | 'ingest'>;

const optionalText = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export function ingestHandlers(ctx: HostContext): IngestHandlers {
  const { workspace, pool, events } = ctx;
  return {
    listTables: async () => ({ tables: await pool.use((conn) => listTables(conn)) }),
    listSources: async () => {
      const definitions = await listSources(workspace);
      return pool.use(async (conn) => {
        const sources: SourceInfo[] = [];
        for (const def of definitions) {
          const last = await lastBatch(conn, def.name);
          sources.push({
            name: def.name,
            kind: def.kind,
            location: sourceKind(def.kind).location(def.options),
            file: def.file,
            lastBatch: last && { batchId: last.batchId, loadedAt: last.loadedAt, rowsLoaded: last.rowsLoaded, rowsRejected: last.rowsRejected, status: last.status },
            cursor: def.kind === 'http' ? await httpCursor(conn, def.name) : null,
            lastError: last && (last.status === 'failed' || last.status === 'cancelled') ? last.message : null,
          });
        }
        return { sources };
      });
    },
    previewFile: async (req, { signal }) => {
      const preview = await pool.use((conn) =>
        previewFile(conn, resolve(workspace.paths.root, req.path), req.options, { signal, cacheDir: workspace.paths.cache, displayName: req.path }),
      );
      return previewDto(preview);
    },
    previewSource: async (req, { signal }) => {
      const def = await loadSource(workspace, req.source);
      const preview = await pool.use((conn) => sourceKind(def.kind).preview({ ws: workspace, conn, source: { name: def.name, file: def.file }, limit: 100, signal }, def.options));
      // HTTP previews carry the first page's URL and records path; other kinds do not.
      const extra = preview as unknown as Record<string, unknown>;
      const url = optionalText(extra.url);
      const recordsPath = optionalText(extra.recordsPath);
      return {
        ...previewDto(preview),
        ...(url !== undefined ? { url } : {}),
        ...(recordsPath !== undefined ? { recordsPath } : {}),
      };
    },
    testRequest: async (req, { signal }) => testRequest(workspace, req.source, { signal }),
    addFileSource: async (req) => {
      const abs = resolve(workspace.paths.root, req.path);
      const info = await stat(abs).catch(() => undefined);
      if (!info?.isFile()) {
        throw new IngotError('NOT_FOUND', info ? `${req.path} is a folder, not a file.` : `File not found: ${req.path}.`, {
          hint: `Ingot looked for ${abs}. Relative paths start at the workspace folder.`,
          detail: { file: req.path },
        });
      }
      const def = await ensureFileSource(workspace, abs);
      // The workspace names a file inside it by a relative path, one outside by its absolute path.
      return { source: def.name, file: def.file, location: sourceKind(def.kind).location(def.options), outsideWorkspace: isAbsolute(workspace.relative(abs)) };
    },
    ingest: async (req, { signal }) => {
      const result = await ingestSource(workspace, req.source, {
        replace: req.replace,
        signal,
        onProgress: (p) => events.emit('ingestProgress', { source: p.source, phase: p.phase, percentage: p.percentage, ...(p.rows !== undefined ? { rows: p.rows } : {}) }),
      });
      return {
        source: result.source,
        table: result.table,
        batchId: result.batchId,
        unchanged: result.unchanged,
        rowsLoaded: result.rowsLoaded,
        rowsRejected: result.rowsRejected,
        durationMs: result.durationMs,
        drift: result.drift.map(({ column, change, detail }) => ({ column, change, detail })),
        message: result.message,
        warnings: result.warnings,
        skippedFiles: result.skippedFiles,
      };
    },
  };
}

/** A preview as the contract carries it: the rows as an Arrow payload. */
function previewDto(preview: PreviewResult) {
  return {
    format: preview.format,
    dialect: preview.dialect ? { ...preview.dialect } : null,
    columns: preview.columns,
    rows: arrowPayload(preview.rows),
    rejects: preview.rejects,
    warnings: preview.warnings,
  };
}
