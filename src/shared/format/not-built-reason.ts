// Why a model of a run was not built or not published, in a few neutral words: one wording for
// `ingot runs` and the app's run detail alike.
import type { NotBuiltReason } from '../api/pipeline.js';

const LABELS: Record<NotBuiltReason, string> = {
  'upstream-not-built': 'a model it reads did not build',
  'withheld-by-atomic-publish': 'held back by atomic publish',
  'run-cancelled': 'run cancelled',
  'run-interrupted': 'run interrupted',
};

/** e.g. `held back by atomic publish`. */
export function notBuiltLabel(reason: NotBuiltReason): string {
  return LABELS[reason];
}
