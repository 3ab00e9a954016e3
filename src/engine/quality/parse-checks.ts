// Turns the raw `checks:` list of a sidecar or source YAML into normalized CheckDefs. Every
// problem that can be seen without the data (unknown kind or field, an empty accepted_values
// list, quarantine on a table-level check, a dedup policy without an ordering, duplicate names)
// is an error naming the file, the line and the check.
import type { z } from 'zod';
import type { CheckDef, CheckLocation } from './check-def.js';
import type { CheckPosition } from './check-positions.js';
import { CHECK_KINDS, CHECK_SCHEMAS, DURATION_RE, ROW_LEVEL_KINDS, type CheckKind, type RawCheck } from './check-schema.js';
import { definitionError } from './definition-error.js';
import { parseThreshold } from './thresholds.js';

export interface ParseContext {
  /** The sidecar or source file, as shown to the user. */
  file: string;
  /** From `locateChecks`; without it errors name the file only. */
  positions?: readonly CheckPosition[];
  /** The checked table's layer and name; `freshness` with `batch: true` means this source. */
  layer?: string;
  model?: string;
}

const SECONDS = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 } as const;

/** Validates and normalizes a `checks:` list. Throws MODEL_INVALID naming file, line and check. */
export function parseChecks(raw: readonly unknown[], context: ParseContext): CheckDef[] {
  const defs = raw.map((item, index) => parseOne(item, index, context));
  const seen = new Map<string, CheckDef>();
  for (const def of defs) {
    const key = def.name.toLowerCase();
    const earlier = seen.get(key);
    if (earlier) {
      const at = earlier.location.line !== undefined ? ` (line ${earlier.location.line})` : '';
      throw definitionError(def.location, def.name, `another check has the same name${at}`, {
        hint: 'Give one of them a distinct `name:`.',
      });
    }
    seen.set(key, def);
  }
  return defs;
}

function locationOf(index: number, context: ParseContext): CheckLocation {
  const pos = context.positions?.[index];
  return { file: context.file, ...(pos ? { line: pos.line } : {}), fields: pos?.fields ?? {} };
}

function parseOne(item: unknown, index: number, context: ParseContext): CheckDef {
  const location = locationOf(index, context);
  const label = `#${index + 1}`;
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    throw definitionError(location, label, 'each check must be a mapping with a `kind:` field', {
      hint: `Write it like:\n  - kind: not_null\n    column: customer_id`,
    });
  }
  const kind = (item as { kind?: unknown }).kind;
  if (typeof kind !== 'string' || !(CHECK_KINDS as string[]).includes(kind)) {
    throw definitionError(location, label, kind === undefined ? 'the `kind:` field is missing' : `unknown kind ${JSON.stringify(kind)}`, {
      field: 'kind',
      hint: `kind must be one of: ${CHECK_KINDS.join(', ')}.`,
    });
  }
  const schema = CHECK_SCHEMAS[kind as CheckKind] as z.ZodType;
  const parsed = schema.safeParse(item);
  const name = typeof (item as { name?: unknown }).name === 'string' ? String((item as { name: string }).name) : `${label} (${kind})`;
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const unknownKey = issue?.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    const field = unknownKey ?? (issue?.path[0] !== undefined ? String(issue.path[0]) : undefined);
    const path = issue?.path.map(String).join('.') ?? '';
    const message = unknownKey ? `unknown field "${unknownKey}" for a ${kind} check` : `${path ? `${path}: ` : ''}${issue?.message ?? 'invalid value'}`;
    throw definitionError(location, name, message, field !== undefined ? { field } : {});
  }
  return normalize(kind as CheckKind, parsed.data as RawCheck<CheckKind>, index, location, context);
}

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function compact(sql: string, max = 60): string {
  const one = sql.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

function normalize(kind: CheckKind, raw: RawCheck<CheckKind>, index: number, location: CheckLocation, context: ParseContext): CheckDef {
  const fail = (field: string | undefined, message: string, hint?: string): never => {
    throw definitionError(location, raw.name ?? `#${index + 1} (${kind})`, message, {
      ...(field !== undefined ? { field } : {}),
      ...(hint !== undefined ? { hint } : {}),
    });
  };
  const oneOf = (a: string, b: string): void => {
    const has = (k: string): boolean => (raw as Record<string, unknown>)[k] !== undefined;
    if (has(a) === has(b)) fail(has(a) ? b : undefined, `give exactly one of \`${a}\` or \`${b}\``);
  };
  const base = {
    index,
    location,
    severity: raw.severity ?? (kind === 'anomaly' || kind === 'freshness' ? 'warn' : 'error'),
    ...(raw.error_if !== undefined ? { errorIf: parseThreshold(raw.error_if) } : {}),
    ...(raw.warn_if !== undefined ? { warnIf: parseThreshold(raw.warn_if) } : {}),
    ...(raw.description !== undefined ? { description: raw.description } : {}),
  } as const;
  const named = <T extends { kind: CheckKind }>(def: T, defaultName: string): T & { name: string } => ({ ...def, name: raw.name ?? defaultName });

  let def: CheckDef;
  switch (kind) {
    case 'not_null': {
      const r = raw as RawCheck<'not_null'>;
      oneOf('column', 'columns');
      const columns = r.column !== undefined ? [r.column] : list(r.columns);
      def = named({ ...base, kind, columns }, `not_null(${columns.join(', ')})`);
      break;
    }
    case 'unique': {
      const r = raw as RawCheck<'unique'>;
      oneOf('column', 'columns');
      const columns = r.column !== undefined ? [r.column] : list(r.columns);
      const orderBy = list(r.order_by);
      if (r.dedup === 'keep_latest' && orderBy.length === 0) fail('dedup', 'dedup: keep_latest needs `order_by:` naming the column that says which row is latest');
      if (r.dedup !== 'keep_latest' && orderBy.length > 0) fail('order_by', '`order_by:` is only used with `dedup: keep_latest`');
      if (r.dedup && r.severity && r.severity !== 'quarantine') {
        fail('severity', `dedup moves duplicate rows to quarantine, so its severity is quarantine, not ${r.severity}`, 'Remove `severity:` (or drop `dedup:` to only report duplicates).');
      }
      def = named(
        { ...base, kind, columns, orderBy, ...(r.dedup ? { dedup: r.dedup, severity: 'quarantine' as const } : {}) },
        `unique(${columns.join(', ')})`,
      );
      break;
    }
    case 'accepted_values': {
      const r = raw as RawCheck<'accepted_values'>;
      def = named({ ...base, kind, column: r.column, values: r.values }, `accepted_values(${r.column})`);
      break;
    }
    case 'range': {
      const r = raw as RawCheck<'range'>;
      if (r.min === undefined && r.max === undefined) fail(undefined, 'give `min:`, `max:` or both');
      if (typeof r.min === 'number' && typeof r.max === 'number' && r.min > r.max) fail('min', `min (${r.min}) is greater than max (${r.max})`);
      def = named(
        { ...base, kind, column: r.column, inclusive: r.inclusive, ...(r.min !== undefined ? { min: r.min } : {}), ...(r.max !== undefined ? { max: r.max } : {}) },
        `range(${r.column})`,
      );
      break;
    }
    case 'pattern': {
      const r = raw as RawCheck<'pattern'>;
      def = named({ ...base, kind, column: r.column, regex: r.regex }, `pattern(${r.column})`);
      break;
    }
    case 'relationships': {
      const r = raw as RawCheck<'relationships'>;
      const [toLayer = '', toTable = ''] = r.to.split('.');
      const field = r.field ?? r.column;
      def = named({ ...base, kind, column: r.column, toLayer, toTable, field }, `relationships(${r.column} -> ${r.to}${field === r.column ? '' : `.${field}`})`);
      break;
    }
    case 'row_count': {
      const r = raw as RawCheck<'row_count'>;
      if (r.min === undefined && r.max === undefined) fail(undefined, 'give `min:`, `max:` or both');
      if (r.min !== undefined && r.max !== undefined && r.min > r.max) fail('min', `min (${r.min}) is greater than max (${r.max})`);
      def = named({ ...base, kind, ...(r.min !== undefined ? { min: r.min } : {}), ...(r.max !== undefined ? { max: r.max } : {}) }, 'row_count');
      break;
    }
    case 'expression': {
      const r = raw as RawCheck<'expression'>;
      def = named({ ...base, kind, expression: r.expression }, `expression(${compact(r.expression)})`);
      break;
    }
    case 'assert': {
      const r = raw as RawCheck<'assert'>;
      def = named({ ...base, kind, sql: r.sql.trim().replace(/;\s*$/, '') }, `assert(${compact(r.sql)})`);
      break;
    }
    case 'freshness': {
      const r = raw as RawCheck<'freshness'>;
      oneOf('column', 'batch');
      let batchSource: string | undefined;
      if (r.batch === true) {
        if (context.layer !== 'bronze' || !context.model) {
          fail('batch', '`batch: true` means "this source" and only works in a source\'s checks', 'Name the bronze source instead, e.g. `batch: orders`.');
        }
        batchSource = context.model;
      } else if (r.batch !== undefined) {
        batchSource = r.batch;
      }
      const m = DURATION_RE.exec(r.max_age);
      const maxAgeSeconds = Number(m?.[1]) * SECONDS[(m?.[2] ?? 's') as keyof typeof SECONDS];
      def = named(
        { ...base, kind, maxAge: r.max_age.trim(), maxAgeSeconds, ...(r.column !== undefined ? { column: r.column } : {}), ...(batchSource !== undefined ? { batchSource } : {}) },
        r.column !== undefined ? `freshness(${r.column})` : `freshness(batch ${batchSource ?? ''})`,
      );
      break;
    }
    case 'anomaly': {
      const r = raw as RawCheck<'anomaly'>;
      const metrics = Object.entries(r.metrics).flatMap(([column, ms]) => [...new Set(ms)].map((metric) => ({ column, metric })));
      if (!r.row_count && metrics.length === 0) fail('row_count', 'nothing to watch: keep `row_count: true` or list column `metrics:`');
      def = named({ ...base, kind, rowCount: r.row_count, metrics, threshold: r.threshold, minHistory: r.min_history, window: r.window }, 'anomaly');
      if (def.minHistory > def.window) fail('min_history', `min_history (${def.minHistory}) is larger than window (${def.window})`);
      break;
    }
    case 'contract': {
      const r = raw as RawCheck<'contract'>;
      const primaryKey = list(r.primary_key);
      const declared = new Set(r.columns.map((c) => c.name.toLowerCase()));
      const missing = primaryKey.filter((c) => !declared.has(c.toLowerCase()));
      if (missing.length > 0) fail('primary_key', `primary key column ${missing.join(', ')} is not among the contract's columns`);
      for (const c of r.columns) {
        if (c.type !== undefined && !/^[A-Za-z][A-Za-z0-9_ ,()[\]]*$/.test(c.type)) fail('columns', `column ${c.name}: "${c.type}" is not a DuckDB type name`);
      }
      const columns = r.columns.map((c) => ({ name: c.name, nullable: c.nullable, ...(c.type !== undefined ? { type: c.type } : {}) }));
      def = named({ ...base, kind, columns, primaryKey, allowExtraColumns: r.allow_extra_columns }, 'contract');
      break;
    }
  }
  if (def.severity === 'quarantine' && context.layer === 'bronze') {
    const source = context.model !== undefined ? `bronze.${context.model}` : 'bronze';
    throw definitionError(location, def.name, `a source's rows stay in ${source} as they were loaded, so its checks cannot quarantine rows`, {
      field: def.kind === 'unique' ? 'dedup' : 'severity',
      hint: `Declare this check on the silver model that reads ${source}, where quarantine holds failing rows back; here use severity warn or error.`,
    });
  }
  if (def.severity === 'quarantine' && !ROW_LEVEL_KINDS.has(def.kind)) {
    throw definitionError(location, def.name, `severity quarantine needs a row-level check; ${def.kind} judges the table as a whole`, {
      field: 'severity',
      hint: 'Use severity warn or error for this check.',
    });
  }
  return def;
}
