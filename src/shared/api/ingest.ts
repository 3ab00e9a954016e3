// Contract: sources, file preview and loading files or APIs into bronze.
import { z } from 'zod';
import { ArrowPayloadSchema, NameSchema } from './common.js';

export const SourceInfoSchema = z.object({
  name: z.string(),
  kind: z.string(),
  /** File path/glob or URL, for display. */
  location: z.string(),
  file: z.string(),
  lastBatch: z
    .object({ batchId: z.number(), loadedAt: z.string(), rowsLoaded: z.number(), rowsRejected: z.number(), status: z.string() })
    .nullable(),
  /** Incremental cursor of API sources, if any. */
  cursor: z.string().nullable(),
  lastError: z.string().nullable(),
});
export type SourceInfo = z.infer<typeof SourceInfoSchema>;
export const ListSourcesResultSchema = z.object({ sources: z.array(SourceInfoSchema) });

export const PreviewFileRequestSchema = z.object({
  path: z.string().min(1),
  /** Format options as in a source YAML (delimiter, header, sheet, …). */
  options: z.record(z.string(), z.unknown()).default({}),
});
export const PreviewResultSchema = z.object({
  format: z.string(),
  dialect: z.record(z.string(), z.unknown()).nullable(),
  columns: z.array(z.object({ name: z.string(), type: z.string() })),
  rows: ArrowPayloadSchema,
  /** Rows of the previewed part that could not be parsed. */
  rejects: z.array(z.object({ line: z.number().nullable(), column: z.string().nullable(), error: z.string() })).optional(),
  /** What the user should know (a guessed dialect, renamed headers, …). */
  warnings: z.array(z.string()).optional(),
});
export type PreviewResult = z.infer<typeof PreviewResultSchema>;

export const AddFileSourceRequestSchema = z.object({
  /** A file's path: relative to the workspace folder, or absolute. */
  path: z.string().min(1),
});
export const AddFileSourceResultSchema = z.object({
  /** The source that reads the file: a new one named after it, or the one that already did. */
  source: NameSchema,
  /** Its definition, relative to the workspace folder (sources/<name>.yaml). */
  file: z.string(),
  /** The path as the definition stores it: relative when the file is inside the workspace. */
  location: z.string(),
  /** True when the file lies outside the workspace folder, so the definition names it by absolute path. */
  outsideWorkspace: z.boolean(),
});
export type AddFileSourceResult = z.infer<typeof AddFileSourceResultSchema>;

export const IngestRequestSchema = z.object({
  /** A source name, or a file path to ingest as a new source. */
  source: z.string().min(1),
  replace: z.boolean().default(false),
});
export const IngestResultSchema = z.object({
  source: NameSchema,
  table: z.string(),
  batchId: z.number().nullable(),
  /** True when the same content was already loaded: nothing changed. */
  unchanged: z.boolean(),
  rowsLoaded: z.number(),
  rowsRejected: z.number(),
  durationMs: z.number(),
  drift: z.array(z.object({ column: z.string(), change: z.string(), detail: z.string() })).default([]),
  message: z.string(),
  /** Things that did not stop the load but deserve a look. */
  warnings: z.array(z.string()).optional(),
  /** Input files skipped because the same content was already loaded. */
  skippedFiles: z.array(z.string()).optional(),
});
export type IngestResult = z.infer<typeof IngestResultSchema>;

export const IngestProgressSchema = z.object({
  source: z.string(),
  phase: z.string(),
  /** 0–100, or -1 when unknown. */
  percentage: z.number(),
  rows: z.number().optional(),
});
export type IngestProgress = z.infer<typeof IngestProgressSchema>;

export const SourceRequestSchema = z.object({ source: z.string().min(1) });
/** A source's preview through its kind; HTTP sources add the first page's URL and records path. */
export const SourcePreviewResultSchema = PreviewResultSchema.extend({
  url: z.string().optional(),
  recordsPath: z.string().optional(),
});
export type SourcePreviewResult = z.infer<typeof SourcePreviewResultSchema>;

/** What the first request of an HTTP source got back, credentials masked. */
export const TestRequestResultSchema = z.object({
  method: z.string(),
  url: z.string(),
  requestHeaders: z.record(z.string(), z.string()),
  status: z.number(),
  statusText: z.string(),
  ok: z.boolean(),
  headers: z.record(z.string(), z.string()),
  contentType: z.string().nullable(),
  bodyBytes: z.number(),
  bodyExcerpt: z.string(),
  durationMs: z.number(),
  recordsPath: z.string().nullable(),
  recordsFound: z.boolean(),
  records: z.number().nullable(),
  problem: z.object({ message: z.string(), hint: z.string().optional() }).nullable(),
});
export type TestRequestResult = z.infer<typeof TestRequestResultSchema>;
