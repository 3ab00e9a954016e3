// Child process of the crash-safety test: opens the workspace given as argv[2] and runs its
// pipeline, printing `RUN-STARTED <id>` when the run has begun and `DONE <status>` at the end.
// The test SIGKILLs it somewhere in between (INGOT_TEST_PAUSE_AT pins some kills to a point).
import { runPipeline } from '../../../src/engine/pipeline/runner.js';
import { openWorkspace } from '../../../src/engine/workspace/workspace.js';

const root = process.argv[2];
if (!root) throw new Error('usage: crash-child.ts <workspace>');
const ws = await openWorkspace(root);
const result = await runPipeline(ws, {
  trigger: 'cli',
  onEvent: (e) => {
    if (e.type === 'run-started') process.stdout.write(`RUN-STARTED ${e.runId}\n`);
  },
});
ws.close();
process.stdout.write(`DONE ${result.status}\n`);
