// Turns the numbers of the one-pass query into each check's verdict: failing rows, status and a
// sentence a user understands ("3 of 120 rows have NULL in customer_id").
import type { CheckDef } from './check-def.js';
import { judgeMetrics, type MetricStats, type MetricVerdict } from './anomaly.js';
import type { CompiledCheck } from './compile.js';
import { statusFor } from './thresholds.js';

export interface Verdict {
  status: 'pass' | 'warn' | 'fail' | 'error';
  failing: number;
  message: string;
  details?: Record<string, unknown>;
}

export interface JudgeContext {
  total: number;
  /** The one-pass row: output alias → value. */
  row: Record<string, unknown>;
  /** Breaking schema differences, for contract checks. */
  contractProblems?: string[];
  /** Metric history, for anomaly checks. */
  history?: Map<string, MetricStats>;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** Formats seconds as the largest sensible unit: 90 → "1.5m", 93600 → "26h". */
export function formatAge(seconds: number): string {
  if (seconds < 120) return `${Math.round(seconds)}s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)}m`;
  if (seconds < 172_800) return `${Math.round(seconds / 360) / 10}h`;
  return `${Math.round(seconds / 8640) / 10}d`;
}

export function judge(check: CompiledCheck, ctx: JudgeContext): Verdict {
  const def: CheckDef = check.def;
  const n = ctx.total;
  const failingOf = (): number => num(check.failing === undefined ? 0 : ctx.row[check.failing]) ?? 0;
  const rowVerdict = (what: string): Verdict => {
    const failing = failingOf();
    return { status: statusFor(def, failing, n), failing, message: failing === 0 ? `all ${n} rows pass` : `${failing} of ${n} rows ${what}` };
  };
  switch (def.kind) {
    case 'not_null':
      return rowVerdict(`have NULL in ${def.columns.join(', ')}`);
    case 'unique':
      return rowVerdict(def.dedup === 'keep_latest' ? `are older duplicates of their ${def.columns.join(', ')} (the latest by ${def.orderBy.join(', ')} is kept)` : `share their ${def.columns.join(', ')} value with another row`);
    case 'accepted_values':
      return rowVerdict(`have ${def.column} outside the accepted values (${def.values.map(String).join(', ')})`);
    case 'range':
      return rowVerdict(`have ${def.column} outside ${rangeText(def)}`);
    case 'pattern':
      return rowVerdict(`have ${def.column} not matching /${def.regex}/`);
    case 'relationships':
      return rowVerdict(`have ${def.column} with no match in ${def.toLayer}.${def.toTable}.${def.field}`);
    case 'expression':
      return rowVerdict(`are not TRUE for ${def.expression.replace(/\s+/g, ' ').trim()}`);
    case 'assert': {
      const failing = failingOf();
      return { status: statusFor(def, failing, n), failing, message: failing === 0 ? 'the assert query returned no rows' : `the assert query returned ${failing} rows` };
    }
    case 'row_count': {
      const low = def.min !== undefined && n < def.min;
      const high = def.max !== undefined && n > def.max;
      const failing = low || high ? 1 : 0;
      const expected = low ? `expected at least ${def.min}` : high ? `expected at most ${def.max}` : 'within bounds';
      return { status: statusFor(def, failing, n), failing, message: `${n} ${n === 1 ? 'row' : 'rows'}, ${expected}`, details: { rows: n } };
    }
    case 'freshness':
      return judgeFreshness(def, num(ctx.row[check.outputs.age ?? '']), n);
    case 'anomaly':
      return judgeAnomaly(check, ctx);
    case 'contract':
      return judgeContract(check, ctx);
  }
}

function rangeText(def: Extract<CheckDef, { kind: 'range' }>): string {
  const lo = def.min !== undefined ? `${def.inclusive ? '[' : '('}${String(def.min)}` : '(-∞';
  const hi = def.max !== undefined ? `${String(def.max)}${def.inclusive ? ']' : ')'}` : '∞)';
  return `${lo}, ${hi}`;
}

function judgeFreshness(def: Extract<CheckDef, { kind: 'freshness' }>, age: number | null, n: number): Verdict {
  const what = def.column !== undefined ? `newest ${def.column}` : `newest batch of bronze.${def.batchSource ?? ''}`;
  if (age === null) {
    const why = def.column !== undefined ? `there is no ${def.column} value to judge (no rows, or all NULL)` : `no batch of ${def.batchSource ?? ''} has been loaded`;
    return { status: statusFor(def, 1, n), failing: 1, message: why };
  }
  const stale = age > def.maxAgeSeconds ? 1 : 0;
  return {
    status: statusFor(def, stale, n),
    failing: stale,
    message: `${what} is ${formatAge(Math.max(0, age))} old; the SLA is ${def.maxAge}`,
    details: { age_seconds: age, max_age_seconds: def.maxAgeSeconds },
  };
}

function judgeAnomaly(check: CompiledCheck, ctx: JudgeContext): Verdict {
  const def = check.def as Extract<CheckDef, { kind: 'anomaly' }>;
  const values: Record<string, number | null> = {};
  for (const [metric, alias] of Object.entries(check.outputs)) values[metric] = num(ctx.row[alias]);
  const verdicts = judgeMetrics(def, values, ctx.history ?? new Map());
  const judged = verdicts.filter((v) => v.median !== undefined);
  const bad = verdicts.filter((v) => v.anomalous);
  const details = { metrics: verdicts.map(verdictDetail), min_history: def.minHistory, threshold: def.threshold };
  if (judged.length === 0) {
    const counts = [...(ctx.history?.values() ?? [])].map((s) => s.n);
    const n = counts.length === 0 ? 0 : Math.min(...counts);
    return { status: 'pass', failing: 0, message: `learning: ${n} of ${def.minHistory} earlier runs needed before judging`, details };
  }
  const message =
    bad.length === 0
      ? `${judged.length} metrics within the usual range`
      : bad.map((v) => `${v.metric} = ${fmt(v.value)} is far from the usual ${fmt(v.median ?? null)} (${v.z === null ? 'history is constant' : `robust z = ${fmt(v.z ?? null)}`})`).join('; ');
  return { status: statusFor(def, bad.length, ctx.total), failing: bad.length, message, details };
}

function verdictDetail(v: MetricVerdict): Record<string, unknown> {
  return { metric: v.metric, value: v.value, median: v.median ?? null, z: v.z ?? null, anomalous: v.anomalous };
}

function fmt(v: number | null): string {
  if (v === null) return 'NULL';
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}

function judgeContract(check: CompiledCheck, ctx: JudgeContext): Verdict {
  const def = check.def as Extract<CheckDef, { kind: 'contract' }>;
  const problems = [...(ctx.contractProblems ?? [])];
  let violations = 0;
  for (const [key, alias] of Object.entries(check.outputs)) {
    const v = num(ctx.row[alias]) ?? 0;
    if (v === 0) continue;
    violations += v;
    const rows = `${v} ${v === 1 ? 'row' : 'rows'}`;
    if (key === 'pk_nulls') problems.push(`primary key ${def.primaryKey.join(', ')} is NULL in ${rows}`);
    else if (key === 'pk_duplicates') problems.push(`primary key ${def.primaryKey.join(', ')} repeats in ${rows}`);
    else problems.push(`${key.slice(6, -1)} is NULL in ${rows}, but the contract says it is not nullable`);
  }
  const breaking = (ctx.contractProblems ?? []).length > 0;
  const status = breaking ? (def.severity === 'warn' ? 'warn' : 'fail') : statusFor(def, violations, ctx.total);
  const message = problems.length === 0 ? 'the staged result matches the contract' : `${breaking ? 'breaking change: ' : ''}${problems.join('; ')}`;
  return { status, failing: violations, message, details: { schema_problems: ctx.contractProblems ?? [] } };
}
