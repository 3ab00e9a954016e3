// The estimator's entry points: validated inputs in, figures + worked steps + verdict +
// projection out. Pure and synchronous, so a form can recompute on every keystroke.
import { IngotError } from '../errors.js';
import { checkInputs, describeIssue, overflowIssues, type FieldIssue } from './check-inputs.js';
import { computeFigures, type CapacityFigures } from './figures.js';
import type { CapacityInputs, InputField } from './inputs.js';
import { DEFAULT_PROFILE, type MachineProfile } from './profile.js';
import { projectYears, type ProjectionYear } from './projection.js';
import { buildSteps, type Step, type StepId } from './steps.js';
import { decideVerdict, VERDICT_SEVERITY, type Verdict, type VerdictKind } from './verdict.js';

export interface CapacityEstimate extends CapacityFigures {
  inputs: CapacityInputs;
  profile: MachineProfile;
  steps: Step[];
  verdict: Verdict;
  projection: ProjectionYear[];
  /** The first projected year whose verdict is more severe than today's, if any. */
  verdictChange?: { year: number; kind: VerdictKind };
}

/** Estimates from validated inputs (see checkInputs); throws INVALID_INPUT if a figure overflows. */
export function estimateCapacity(inputs: CapacityInputs, profile: MachineProfile = DEFAULT_PROFILE): CapacityEstimate {
  const figures = computeFigures(inputs);
  const overflow = overflowIssues(figures)[0];
  if (overflow) {
    throw new IngotError('INVALID_INPUT', `Invalid capacity input ${describeIssue(overflow)}`, { detail: { field: overflow.field } });
  }
  const verdict = decideVerdict(inputs, figures, profile);
  const projection = projectYears(inputs, profile);
  const change = projection.find((y) => VERDICT_SEVERITY[y.verdict] > VERDICT_SEVERITY[verdict.kind]);
  return {
    ...figures,
    inputs,
    profile,
    steps: buildSteps(inputs, figures),
    verdict,
    projection,
    ...(change ? { verdictChange: { year: change.year, kind: change.verdict } } : {}),
  };
}

export type EstimateAttempt = { ok: true; estimate: CapacityEstimate; defaulted: InputField[] } | { ok: false; issues: FieldIssue[] };

/** The form's one call: raw field values in, an estimate or per-field problems out. Never throws. */
export function tryEstimate(raw: Readonly<Partial<Record<InputField, unknown>>>, profile: MachineProfile = DEFAULT_PROFILE): EstimateAttempt {
  const check = checkInputs(raw);
  if (!check.ok) return check;
  return { ok: true, estimate: estimateCapacity(check.inputs, profile), defaulted: check.defaulted };
}

/** A step of an estimate by id. */
export function stepOf(estimate: CapacityEstimate, id: StepId): Step {
  const step = estimate.steps.find((s) => s.id === id);
  if (!step) throw new IngotError('INTERNAL', `The estimate has no step "${id}".`);
  return step;
}
