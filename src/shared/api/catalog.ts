// Contract: the catalog (every table with its documentation, columns, lineage and quality score)
// and the exports that take a workspace past one machine (a Parquet lake, a dbt project).
import { z } from 'zod';
import { LayerSchema } from './common.js';

export const CatalogColumnSchema = z.object({
  name: z.string(),
  type: z.string(),
  description: z.string().nullable(),
  tags: z.array(z.string()),
});

export const CatalogEntrySchema = z.object({
  layer: LayerSchema,
  name: z.string(),
  /** What fills the table: a source (bronze, by ingest), a model, a quarantine, or nothing Ingot knows. */
  kind: z.enum(['source', 'model', 'quarantine', 'table']),
  materialization: z.string().nullable(),
  description: z.string().nullable(),
  owner: z.string().nullable(),
  tags: z.array(z.string()),
  /** The file that defines it (model SQL or source YAML), workspace-relative. */
  file: z.string().nullable(),
  /** Built (or loaded) yet. */
  published: z.boolean(),
  rows: z.number().nullable(),
  bytes: z.number().nullable(),
  lastLoadedAt: z.string().nullable(),
  columns: z.array(CatalogColumnSchema),
  /** Columns the sidecar's `columns:` documents that the built table does not have (a typo, or a column since removed). */
  unknownDocumentedColumns: z.array(z.string()).default([]),
  /** Tables it reads directly, and every table upstream of it. */
  reads: z.array(z.string()),
  upstream: z.array(z.string()),
  /** Tables that read it directly, and every table downstream of it. */
  readBy: z.array(z.string()),
  downstream: z.array(z.string()),
  /** Quality score (0–100) of its latest check evaluation, if it has checks. */
  score: z.number().nullable(),
});
export type CatalogEntry = z.infer<typeof CatalogEntrySchema>;
export const CatalogResultSchema = z.object({ tables: z.array(CatalogEntrySchema) });

/** A folder for an export: relative to the workspace folder, or absolute. */
const ExportDirSchema = z.string().trim().min(1, 'name a folder').max(4096);

export const ExportLakeRequestSchema = z.object({
  dir: ExportDirSchema,
  layers: z.array(z.enum(['bronze', 'silver', 'gold'])).min(1, 'choose at least one layer').default(['gold']),
  /** A selection as runs take it, plus bronze source names; empty = every table of the layers. */
  select: z.string().max(2000).default(''),
});
export type ExportLakeRequest = z.input<typeof ExportLakeRequestSchema>;
export const ExportLakeResultSchema = z.object({
  dir: z.string(),
  manifest: z.string(),
  tables: z.array(z.object({ table: z.string(), rows: z.number(), files: z.number(), bytes: z.number() })),
});
export type ExportLakeResult = z.infer<typeof ExportLakeResultSchema>;

export const ExportDbtRequestSchema = z.object({ dir: ExportDirSchema, projectName: z.string().max(100).optional() });
export type ExportDbtRequest = z.input<typeof ExportDbtRequestSchema>;
export const ExportDbtResultSchema = z.object({
  dir: z.string(),
  projectName: z.string(),
  models: z.number(),
  sources: z.number(),
  files: z.number(),
  tests: z.number(),
  /** Checks (or parts of them) dbt cannot express, each with why: also listed in the project's README. */
  notCarriedOver: z.array(z.string()),
});
export type ExportDbtResult = z.infer<typeof ExportDbtResultSchema>;
