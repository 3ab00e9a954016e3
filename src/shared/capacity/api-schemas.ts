// Runtime schemas for the engine-side capacity calls (calibration and scenario files), ready to
// register in the EngineApi contract. Estimating itself needs no call: the form runs the pure
// estimator from this folder directly, on every keystroke.
import { z } from 'zod';
import type { Calibration } from './calibration.js';
import { CapacityInputsSchema, INPUT_FIELDS, type InputField } from './inputs.js';
import type { MachineProfile } from './profile.js';
import { SCENARIO_NAME } from './scenario-file.js';

const RangeSchema = z.object({ min: z.number(), max: z.number() });
const ThroughputSchema = z.object({ samples: z.number(), rows: z.number(), seconds: z.number(), rowsPerSec: z.number() });
const ThresholdSchema = z.object({ value: z.number().positive(), source: z.enum(['default', 'calibrated', 'user']), basis: z.string() });

export const MachineProfileSchema: z.ZodType<MachineProfile> = z.object({
  writerEventsPerSec: ThresholdSchema,
  processingRowsPerSec: ThresholdSchema,
  processingBytesPerSec: ThresholdSchema,
  localDiskBytes: ThresholdSchema,
});

export const CalibrationSchema: z.ZodType<Calibration> = z.object({
  measuredAt: z.string(),
  models: z.array(ThroughputSchema.extend({ model: z.string() })),
  endToEnd: ThroughputSchema.optional(),
  ingest: ThroughputSchema.extend({ bytes: z.number(), bytesPerSec: z.number() }).optional(),
  sources: z.array(
    z.object({
      source: z.string(),
      table: z.string(),
      batches: z.number(),
      rows: z.number(),
      sourceBytes: z.number(),
      storedBytes: z.number(),
      rawBytesPerRow: z.number(),
      storedBytesPerRow: z.number(),
      compressionRatio: z.number(),
      ingest: ThroughputSchema,
    }),
  ),
  database: z.object({ usedBytes: z.number(), blockSize: z.number(), walSize: z.string() }),
  profile: MachineProfileSchema,
  prefill: z.object({ source: z.string(), bytesPerEvent: z.number(), compression: RangeSchema }).optional(),
  tooSmall: z.array(ThroughputSchema.extend({ kind: z.enum(['runs', 'loads']), message: z.string() })),
  notes: z.array(z.string()),
});

export const CalibrateRequestSchema = z.object({ source: z.string().min(1).optional() }).strict();

export const ScenarioNameSchema = z.string().regex(SCENARIO_NAME, 'use letters, digits, "-", "_" and "." (it becomes capacity/<name>.yaml)');

export const ListScenariosResultSchema = z.object({
  scenarios: z.array(z.object({ name: z.string(), file: z.string(), description: z.string().optional(), error: z.string().optional() })),
});

export const LoadScenarioRequestSchema = z.object({ name: ScenarioNameSchema }).strict();

export const LoadScenarioResultSchema = z.object({
  name: z.string(),
  file: z.string(),
  description: z.string().optional(),
  inputs: CapacityInputsSchema,
  defaulted: z.array(z.enum(INPUT_FIELDS as [InputField, ...InputField[]])),
});

export const SaveScenarioRequestSchema = z
  .object({ name: ScenarioNameSchema, inputs: CapacityInputsSchema, description: z.string().max(2000).optional(), overwrite: z.boolean().default(false) })
  .strict();

export const SaveScenarioResultSchema = z.object({ file: z.string() });
