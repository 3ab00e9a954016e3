// The normalized form of one declared check: what the compiler, the evaluator and the result
// store work with. `column` / `columns` are folded into lists, thresholds and SLAs are parsed,
// and every check carries its name and where it was declared.
import type { AnomalyMetric, CheckKind, Severity } from './check-schema.js';
import type { Threshold } from './thresholds.js';

/** Where a check was declared: the file, the line of its list item, and the line of each field. */
export interface CheckLocation {
  file: string;
  line?: number;
  fields: Readonly<Record<string, number>>;
}

interface Base<K extends CheckKind> {
  kind: K;
  /** Unique within the model (case-insensitive), e.g. `not_null(customer_id)`. */
  name: string;
  severity: Severity;
  errorIf?: Threshold;
  warnIf?: Threshold;
  description?: string;
  /** Position in the `checks:` list, 0-based. */
  index: number;
  location: CheckLocation;
}

export type NotNullCheck = Base<'not_null'> & { columns: string[] };
export type UniqueCheck = Base<'unique'> & { columns: string[]; dedup?: 'keep_latest' | 'quarantine_all'; orderBy: string[] };
export type AcceptedValuesCheck = Base<'accepted_values'> & { column: string; values: (string | number | boolean)[] };
export type RangeCheck = Base<'range'> & { column: string; min?: number | string; max?: number | string; inclusive: boolean };
export type PatternCheck = Base<'pattern'> & { column: string; regex: string };
export type RelationshipsCheck = Base<'relationships'> & { column: string; toLayer: string; toTable: string; field: string };
export type RowCountCheck = Base<'row_count'> & { min?: number; max?: number };
export type ExpressionCheck = Base<'expression'> & { expression: string };
export type AssertCheck = Base<'assert'> & { sql: string };
export type FreshnessCheck = Base<'freshness'> & { column?: string; batchSource?: string; maxAge: string; maxAgeSeconds: number };
export type AnomalyCheck = Base<'anomaly'> & {
  rowCount: boolean;
  metrics: { column: string; metric: AnomalyMetric }[];
  threshold: number;
  minHistory: number;
  window: number;
};
export interface ContractColumn {
  name: string;
  type?: string;
  nullable: boolean;
}
export type ContractCheck = Base<'contract'> & { columns: ContractColumn[]; primaryKey: string[]; allowExtraColumns: boolean };

export type CheckDef =
  | NotNullCheck
  | UniqueCheck
  | AcceptedValuesCheck
  | RangeCheck
  | PatternCheck
  | RelationshipsCheck
  | RowCountCheck
  | ExpressionCheck
  | AssertCheck
  | FreshnessCheck
  | AnomalyCheck
  | ContractCheck;

export type RowLevelCheck = NotNullCheck | UniqueCheck | AcceptedValuesCheck | RangeCheck | PatternCheck | RelationshipsCheck | ExpressionCheck;

/** The columns of the checked table a check reads, with the YAML field that names each. */
export function referencedColumns(def: CheckDef): { column: string; field: string }[] {
  const many = (field: string, cols: readonly string[]): { column: string; field: string }[] => cols.map((column) => ({ column, field }));
  switch (def.kind) {
    case 'not_null':
      return many('columns', def.columns);
    case 'unique':
      return [...many('columns', def.columns), ...many('order_by', def.orderBy)];
    case 'accepted_values':
    case 'range':
    case 'pattern':
    case 'relationships':
      return [{ column: def.column, field: 'column' }];
    case 'freshness':
      return def.column ? [{ column: def.column, field: 'column' }] : [];
    case 'anomaly':
      return def.metrics.map((m) => ({ column: m.column, field: 'metrics' }));
    case 'row_count':
    case 'contract':
    case 'expression':
    case 'assert':
      return [];
  }
}
