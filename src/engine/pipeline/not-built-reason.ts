// Why a model of a run was not built or not published (a model it reads did not build, atomic
// publish held it back, the run was cancelled or interrupted): live events carry it in
// `error.detail.reason`; run history keeps it per model so a past run tells the cases apart.
import { NotBuiltReasonSchema, type NotBuiltReason } from '../../shared/api/pipeline.js';
import type { ErrorData } from '../../shared/errors.js';
import type { ModelRunStatus } from './events.js';

export type { NotBuiltReason };

/** The not-built reason of a model's result: its error's `detail.reason`, or the cancel for a model the cancel stopped mid-build. */
export function notBuiltReasonOf(result: { status: ModelRunStatus; error: ErrorData | null }): NotBuiltReason | null {
  return asNotBuiltReason(result.error?.detail?.reason) ?? (result.status === 'cancelled' ? 'run-cancelled' : null);
}

/** `value` when it is a not-built reason (as stored in run history), else null. */
export function asNotBuiltReason(value: unknown): NotBuiltReason | null {
  const parsed = NotBuiltReasonSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
