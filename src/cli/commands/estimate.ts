// `ingot estimate`: back-of-the-envelope sizing of a planned pipeline from flags or a saved
// scenario, with the worked math and a verdict; saves, lists and compares scenarios, runs a
// sensitivity analysis, and calibrates against what this workspace measured (--calibrate).
import type { Command } from 'commander';
import {
  analyzeSensitivity,
  calibrate,
  calibrationReport,
  compareEstimates,
  comparisonReport,
  computeHeadroom,
  DEFAULT_PROFILE,
  estimateCapacity,
  estimateReport,
  FIELDS,
  INPUT_FIELDS,
  listScenarios,
  loadScenario,
  parseInputs,
  saveScenario,
  sensitivityReport,
  withThresholds,
  type Calibration,
  type InputField,
  type MachineProfile,
} from '../../engine/capacity/index.js';
import { workspacePaths } from '../../engine/workspace/workspace.js';
import { IngotError } from '../../shared/errors.js';
import { globals, output, textTable, withWorkspace } from '../context.js';

interface EstimateOptions {
  users?: string;
  eventsPerUser?: string;
  bytesPerEvent?: string;
  peakFactor?: string;
  compression?: string;
  retentionDays?: string;
  growth?: string;
  years?: string;
  freshness?: string;
  consumers?: string;
  price?: string;
  scenario?: string;
  save?: string;
  description?: string;
  force?: boolean;
  compare?: string[];
  list?: boolean;
  sensitivity?: boolean;
  calibrate?: boolean;
  source?: string;
  writerEventsPerSec?: string;
}

/** commander's camelCase option key for each input's flag (`--events-per-user` → eventsPerUser). */
const OPTION_KEY = Object.fromEntries(
  INPUT_FIELDS.map((f) => [f, FIELDS[f].flag.slice(2).replace(/-([a-z])/g, (_m: string, c: string) => c.toUpperCase()) as keyof EstimateOptions]),
) as Record<InputField, keyof EstimateOptions>;

/** A decimal number as people write it: digits, one point, an exponent (not 0x10, Infinity or 1e). */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/** "10,000,000" and "10_000_000" read as numbers; anything else goes to validation as text, which says what is wrong. */
function flagValue(field: InputField, text: string): unknown {
  if (field === 'compression' || field === 'freshness') return text;
  const cleaned = text.replace(/[_,]/g, '').trim();
  return DECIMAL.test(cleaned) ? Number(cleaned) : text;
}

function flagInputs(opts: EstimateOptions): Partial<Record<InputField, unknown>> {
  const raw: Partial<Record<InputField, unknown>> = {};
  for (const field of INPUT_FIELDS) {
    const text = opts[OPTION_KEY[field]];
    if (typeof text === 'string') raw[field] = flagValue(field, text);
  }
  return raw;
}

function writerOverride(opts: EstimateOptions, profile: MachineProfile): MachineProfile {
  if (opts.writerEventsPerSec === undefined) return profile;
  const cleaned = opts.writerEventsPerSec.replace(/[_,]/g, '').trim();
  const value = DECIMAL.test(cleaned) ? Number(cleaned) : Number.NaN;
  if (!Number.isFinite(value) || value <= 0) {
    throw new IngotError('INVALID_INPUT', `--writer-events-per-sec must be a number greater than 0, got "${opts.writerEventsPerSec}".`, {
      hint: 'Give the events per second one writer absorbs on your machine, e.g. --writer-events-per-sec 20000.',
      detail: { field: 'writerEventsPerSec' },
    });
  }
  return withThresholds(profile, { writerEventsPerSec: { value, source: 'user', basis: 'given with --writer-events-per-sec' } });
}

async function measure(cmd: Command, opts: EstimateOptions): Promise<Calibration | undefined> {
  if (!opts.calibrate && !opts.source) return undefined;
  return withWorkspace(cmd, (ws) => calibrate(ws.db, opts.source ? { source: opts.source } : {}));
}

/** Why a calibration gives no headroom: no run measured, or the runs too small to speak for throughput. */
function noHeadroomReason(calibration: Calibration): string {
  const runs = calibration.tooSmall.find((t) => t.kind === 'runs');
  if (runs) return `none: ${runs.message}`;
  return 'none: no pipeline run measured yet; run `ingot run`, then calibrate again.';
}

async function runEstimate(opts: EstimateOptions, cmd: Command): Promise<void> {
  const paths = workspacePaths(globals(cmd).workspace);
  if (opts.list) {
    const scenarios = await listScenarios(paths);
    output(cmd, { ok: true, scenarios }, () =>
      scenarios.length === 0
        ? 'No saved scenarios yet. Save one with `ingot estimate ... --save NAME`.'
        : textTable(['name', 'file', 'description'], scenarios.map((s) => [s.name, s.file, s.error ? `invalid: ${s.error}` : (s.description ?? '')])),
    );
    return;
  }
  const calibration = await measure(cmd, opts);
  const profile = writerOverride(opts, calibration?.profile ?? DEFAULT_PROFILE);
  if (opts.compare && opts.compare.length > 0) {
    const loaded = [];
    for (const name of opts.compare) loaded.push(await loadScenario(paths, name));
    const comparison = compareEstimates(loaded.map((s) => ({ name: s.name, estimate: estimateCapacity(s.inputs, profile) })));
    output(cmd, { ok: true, ...comparison }, () => comparisonReport(comparison));
    return;
  }
  const scenario = opts.scenario ? await loadScenario(paths, opts.scenario) : undefined;
  const fromFlags = flagInputs(opts);
  const prefill = calibration?.prefill;
  // A scenario's own fields win over the calibrated prefill; the fields it left to defaults do not.
  const fromScenario = scenario ? Object.fromEntries(INPUT_FIELDS.filter((f) => !scenario.defaulted.includes(f)).map((f) => [f, scenario.inputs[f]])) : {};
  const raw: Partial<Record<InputField, unknown>> = {
    ...(prefill ? { bytesPerEvent: prefill.bytesPerEvent, compression: prefill.compression } : {}),
    ...fromScenario,
    ...fromFlags,
  };
  const givenAnything = scenario !== undefined || Object.keys(fromFlags).length > 0;
  if (!givenAnything && calibration) {
    output(cmd, { ok: true, calibration }, () => calibrationReport(calibration));
    return;
  }
  const { inputs, defaulted } = parseInputs(raw, 'flag');
  const estimate = estimateCapacity(inputs, profile);
  const endToEnd = calibration?.endToEnd;
  const headroom = endToEnd && endToEnd.rowsPerSec > 0 ? computeHeadroom(estimate.peakEventsPerSec, endToEnd.rowsPerSec) : undefined;
  const noHeadroom = calibration && !headroom ? noHeadroomReason(calibration) : undefined;
  const sensitivity = opts.sensitivity ? analyzeSensitivity(inputs, profile) : undefined;
  let saved: string | undefined;
  if (opts.save) {
    saved = await saveScenario(paths, opts.save, inputs, { ...(opts.description ? { description: opts.description } : {}), overwrite: opts.force === true });
  }
  const result = {
    ok: true,
    ...estimate,
    defaulted,
    ...(scenario ? { scenario: { name: scenario.name, file: scenario.file } } : {}),
    ...(headroom ? { headroom } : {}),
    ...(noHeadroom ? { noHeadroom } : {}),
    ...(calibration ? { calibration } : {}),
    ...(sensitivity ? { sensitivity } : {}),
    ...(saved ? { saved: `capacity/${opts.save ?? ''}.yaml` } : {}),
  };
  output(cmd, result, () => {
    const parts = [estimateReport(estimate, { defaulted, ...(headroom ? { headroom } : {}), ...(noHeadroom ? { noHeadroom } : {}), ...(scenario ? { title: `Capacity estimate: ${scenario.name} (${scenario.file})` } : {}) })];
    if (sensitivity) parts.push(sensitivityReport(sensitivity));
    if (calibration) parts.push(calibrationReport(calibration));
    if (saved) parts.push(`Saved the scenario as capacity/${opts.save ?? ''}.yaml.`);
    return parts.join('\n\n');
  });
}

export function registerEstimate(program: Command): void {
  const cmd = program
    .command('estimate')
    .description('size a planned pipeline: events/s, bytes/day, storage/year, cost, and whether one machine is enough');
  for (const field of INPUT_FIELDS) {
    const info = FIELDS[field];
    const placeholder = field === 'compression' ? '<min-max>' : field === 'freshness' ? '<daily|hourly|minutes|seconds>' : '<n>';
    cmd.option(`${info.flag} ${placeholder}`, `${info.label}${info.unit ? ` (${info.unit})` : ''}`);
  }
  cmd
    .option('--scenario <name|file>', 'start from a saved scenario (capacity/<name>.yaml) or a YAML file; flags override its fields')
    .option('--save <name>', 'save the inputs as capacity/<name>.yaml')
    .option('--description <text>', 'description stored with --save')
    .option('--force', 'let --save replace an existing scenario')
    .option('--compare <names...>', 'compare saved scenarios side by side')
    .option('--list', 'list the saved scenarios')
    .option('--sensitivity', 'vary each input ×0.5 and ×2 and show which moves the verdict, peak and storage most')
    .option('--calibrate', "measure this workspace's throughput and compression and use them for the verdict and headroom")
    .option('--source <name>', 'with --calibrate: prefill bytes/event and compression from this source')
    .option('--writer-events-per-sec <n>', 'override the events/s one writer absorbs (default 10,000)')
    .action(async (opts: EstimateOptions, command: Command) => runEstimate(opts, command));
}
