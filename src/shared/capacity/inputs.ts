// The capacity estimator's inputs: their types, limits, defaults, labels, CLI flags and YAML keys,
// and the zod schema that validates them. One table drives the form, the CLI and scenario files.
import { z } from 'zod';
import { parseCompressionRange, type NumberRange } from './compression-range.js';

export const FRESHNESS_TARGETS = ['daily', 'hourly', 'minutes', 'seconds'] as const;
export type Freshness = (typeof FRESHNESS_TARGETS)[number];

export interface CapacityInputs {
  /** Users (or sources, devices) producing events each day. */
  usersPerDay: number;
  eventsPerUserPerDay: number;
  bytesPerEvent: number;
  /** Peak-to-average ratio of the event rate (≥ 1). */
  peakFactor: number;
  /** Compression ratio of stored data vs raw bytes; 5 means 5× smaller. */
  compression: NumberRange;
  retentionDays: number;
  yearlyGrowthPercent: number;
  projectionYears: number;
  freshness: Freshness;
  consumers: number;
  storagePricePerTbMonth: number;
}

export type InputField = keyof CapacityInputs;

interface NumericLimits {
  /** Smallest allowed value; `exclusive` means the value must be strictly greater. */
  min: number;
  exclusive: boolean;
  /** Largest allowed value: beyond it the figures stop being meaningful or overflow. */
  max: number;
  integer?: boolean;
}

export interface FieldInfo {
  label: string;
  unit: string;
  /** CLI flag, e.g. `--users`. */
  flag: string;
  /** Key in capacity/<name>.yaml. */
  yaml: string;
  limits?: NumericLimits;
}

const positive = (max: number, integer = false): NumericLimits => ({ min: 0, exclusive: true, max, integer });

/** Every input, in the order the form and `ingot estimate --help` show them. */
export const FIELDS: Readonly<Record<InputField, FieldInfo>> = {
  usersPerDay: { label: 'users or sources per day', unit: 'users/day', flag: '--users', yaml: 'users_per_day', limits: positive(1e12) },
  eventsPerUserPerDay: { label: 'events per user per day', unit: 'events/user/day', flag: '--events-per-user', yaml: 'events_per_user_per_day', limits: positive(1e9) },
  bytesPerEvent: { label: 'bytes per event', unit: 'B/event', flag: '--bytes-per-event', yaml: 'bytes_per_event', limits: positive(1e10) },
  peakFactor: { label: 'peak-to-average factor', unit: '×', flag: '--peak-factor', yaml: 'peak_factor', limits: { min: 1, exclusive: false, max: 1000 } },
  compression: { label: 'compression ratio range', unit: '×', flag: '--compression', yaml: 'compression' },
  retentionDays: { label: 'retention', unit: 'days', flag: '--retention-days', yaml: 'retention_days', limits: positive(36_500) },
  yearlyGrowthPercent: { label: 'yearly growth', unit: '%/year', flag: '--growth', yaml: 'yearly_growth_percent', limits: { min: 0, exclusive: false, max: 10_000 } },
  projectionYears: { label: 'projection years', unit: 'years', flag: '--years', yaml: 'projection_years', limits: positive(50, true) },
  freshness: { label: 'freshness target', unit: '', flag: '--freshness', yaml: 'freshness' },
  consumers: { label: 'number of consumers', unit: '', flag: '--consumers', yaml: 'consumers', limits: positive(1_000_000, true) },
  storagePricePerTbMonth: { label: 'storage price', unit: '$/TB-month', flag: '--price', yaml: 'storage_price_per_tb_month', limits: { min: 0, exclusive: false, max: 1_000_000 } },
};

export const INPUT_FIELDS = Object.keys(FIELDS) as InputField[];

/** The inputs a user must give; the others default to DEFAULT_INPUTS. */
export const REQUIRED_FIELDS: readonly InputField[] = ['usersPerDay', 'eventsPerUserPerDay', 'bytesPerEvent'];

/** Defaults: a 3× peak, 5–10× columnar compression, a year kept, 20 %/year growth over 3 years, S3-like price. */
export const DEFAULT_INPUTS: Omit<CapacityInputs, 'usersPerDay' | 'eventsPerUserPerDay' | 'bytesPerEvent'> = {
  peakFactor: 3,
  compression: { min: 5, max: 10 },
  retentionDays: 365,
  yearlyGrowthPercent: 20,
  projectionYears: 3,
  freshness: 'daily',
  consumers: 1,
  storagePricePerTbMonth: 23,
};

function describeLimits(l: NumericLimits): string {
  const low = l.exclusive ? `greater than ${l.min}` : `at least ${l.min}`;
  return `${l.integer ? 'a whole number' : 'a number'} ${low} and at most ${l.max.toLocaleString('en-US')}`;
}

function numberSchema(info: FieldInfo): z.ZodType<number> {
  const l = info.limits as NumericLimits;
  const expect = describeLimits(l);
  const got = (input: unknown): string => (typeof input === 'string' ? `"${input}"` : String(input));
  let schema = z.number({ error: (iss) => (iss.input === undefined ? `is required (${expect})` : `must be ${expect}, got ${got(iss.input)}`) });
  const tooSmall = (iss: { input?: unknown }): string => `must be ${expect}, got ${got(iss.input)}`;
  schema = l.exclusive ? schema.gt(l.min, { error: tooSmall }) : schema.gte(l.min, { error: tooSmall });
  schema = schema.lte(l.max, { error: (iss) => `is absurdly large: must be at most ${l.max.toLocaleString('en-US')}, got ${got(iss.input)}` });
  if (l.integer) schema = schema.int({ error: (iss) => `must be a whole number, got ${got(iss.input)}` });
  return schema;
}

const compressionSchema = z.unknown().transform((value, ctx): NumberRange => {
  const parsed = parseCompressionRange(value);
  if (typeof parsed === 'string') {
    ctx.issues.push({ code: 'custom', message: parsed, input: value });
    return z.NEVER;
  }
  return parsed;
});

const freshnessSchema = z.enum(FRESHNESS_TARGETS, {
  error: (iss) => `must be one of ${FRESHNESS_TARGETS.join(', ')}, got ${iss.input === undefined ? 'nothing' : JSON.stringify(iss.input)}`,
});

/** The zod schema of one field, keyed as in CapacityInputs. */
export function fieldSchema(field: InputField): z.ZodType {
  if (field === 'compression') return compressionSchema;
  if (field === 'freshness') return freshnessSchema;
  return numberSchema(FIELDS[field]);
}

/** Validates a complete CapacityInputs object (the form's state, a scenario after defaults). */
export const CapacityInputsSchema = z
  .object({
    usersPerDay: numberSchema(FIELDS.usersPerDay),
    eventsPerUserPerDay: numberSchema(FIELDS.eventsPerUserPerDay),
    bytesPerEvent: numberSchema(FIELDS.bytesPerEvent),
    peakFactor: numberSchema(FIELDS.peakFactor),
    compression: compressionSchema,
    retentionDays: numberSchema(FIELDS.retentionDays),
    yearlyGrowthPercent: numberSchema(FIELDS.yearlyGrowthPercent),
    projectionYears: numberSchema(FIELDS.projectionYears),
    freshness: freshnessSchema,
    consumers: numberSchema(FIELDS.consumers),
    storagePricePerTbMonth: numberSchema(FIELDS.storagePricePerTbMonth),
  })
  .strict();
