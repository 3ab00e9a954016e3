// A failed model's error as the Runs screen shows it: the message, where, and what to do.
import type { ModelRun } from '../../../shared/api/index.js';
import type { ErrorLocation } from '../../../shared/errors.js';
import { hintForTheApp } from '../../format/app-hint.js';
import { describeLocation } from '../../format/error-location.js';

export interface ModelErrorView {
  message: string;
  where: string | null;
  hint: string | null;
}

export function modelError(run: ModelRun): ModelErrorView | null {
  if (run.error === null) return null;
  const detail = run.errorDetail ?? {};
  const hint = typeof detail.hint === 'string' ? hintForTheApp(detail.hint) : null;
  const nested = typeof detail.detail === 'object' && detail.detail !== null ? (detail.detail as ErrorLocation) : (detail as ErrorLocation);
  return { message: run.error, where: describeLocation(nested), hint };
}
