// Contract: the catalog of tables by layer, paging a table into a grid, and ad-hoc SQL.
import { z } from 'zod';
import { LayerSchema, NameSchema } from './common.js';

export const TableInfoSchema = z.object({
  layer: LayerSchema,
  name: z.string(),
  rows: z.number().nonnegative(),
  bytes: z.number().nonnegative(),
  columns: z.array(z.object({ name: z.string(), type: z.string() })),
  /** ISO timestamp of the last load or build, or null if unknown. */
  lastLoadedAt: z.string().nullable(),
  kind: z.enum(['table', 'view']),
  /** Bronze only: rows rejected by the batches the table holds. */
  rowsRejected: z.number().optional(),
});
export type TableInfo = z.infer<typeof TableInfoSchema>;

export const ListTablesResultSchema = z.object({ tables: z.array(TableInfoSchema) });

export const SortSchema = z.object({ column: z.string(), descending: z.boolean().default(false) });

export const TablePageRequestSchema = z.object({
  layer: LayerSchema,
  table: NameSchema,
  offset: z.number().int().nonnegative(),
  limit: z.number().int().positive().max(100_000),
  sort: z.array(SortSchema).max(8).default([]),
});
export type TablePageRequest = z.input<typeof TablePageRequestSchema>;

const QuerySqlSchema = z.string().min(1, 'write a query first').max(1_000_000);

export const QueryRequestSchema = z.object({
  sql: QuerySqlSchema,
  limit: z.number().int().positive().max(1_000_000).default(10_000),
  /** Skip this many rows first: the SQL editor pages through a result like a table. */
  offset: z.number().int().nonnegative().default(0),
});
export type QueryRequest = z.input<typeof QueryRequestSchema>;

/** Runs one query for the SQL editor and keeps its rows, so a grid pages through the same result. */
export const RunSqlRequestSchema = z.object({ sql: QuerySqlSchema });
export const RunSqlResultSchema = z.object({
  resultId: z.number().int(),
  columns: z.array(z.object({ name: z.string(), type: z.string() })),
  rowCount: z.number().int().nonnegative(),
  /** More rows than are kept (5,000,000): only the first are shown. */
  truncated: z.boolean(),
});
export type RunSqlResult = z.infer<typeof RunSqlResultSchema>;
export const ResultPageRequestSchema = z.object({
  resultId: z.number().int(),
  offset: z.number().int().nonnegative(),
  limit: z.number().int().positive().max(100_000),
});

/** The SQL before the cursor; DuckDB's autocomplete suggests what may come next. */
export const CompleteSqlRequestSchema = z.object({ sql: z.string().max(100_000) });
export const CompleteSqlResultSchema = z.object({
  /** Each suggestion replaces the text from `start` (an offset into the request's SQL) to the cursor. */
  suggestions: z.array(z.object({ text: z.string(), start: z.number().int().nonnegative() })),
});
export type SqlSuggestion = z.infer<typeof CompleteSqlResultSchema>['suggestions'][number];

/** The rows a bronze table's loads rejected (the loads whose rows the table holds), a page at a time. */
export const ListRejectsRequestSchema = z.object({
  table: NameSchema,
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().positive().max(1000).default(100),
});
export type ListRejectsRequest = z.input<typeof ListRejectsRequestSchema>;
export const RejectSchema = z.object({
  batchId: z.number().int(),
  file: z.string(),
  /** The line in the file (1 = the first line), or null when the reader could not tell. */
  line: z.number().int().nullable(),
  column: z.string().nullable(),
  error: z.string(),
  /** The line as read from the file, when the reader kept it. */
  rawLine: z.string().nullable(),
});
export type RejectDto = z.infer<typeof RejectSchema>;
export const ListRejectsResultSchema = z.object({
  /** e.g. `bronze.orders`. */
  table: z.string(),
  /** Problems found, one per bad value: a line with two bad columns counts twice. */
  total: z.number().int().nonnegative(),
  /** Distinct rejected lines (the "Rejected" count of the Tables screen). */
  rejectedRows: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  /** In file, line and column order. */
  rejects: z.array(RejectSchema),
});
export type ListRejectsResult = z.infer<typeof ListRejectsResultSchema>;
