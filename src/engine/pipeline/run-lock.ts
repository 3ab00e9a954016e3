// One run at a time per workspace within this process (DuckDB already keeps other processes
// out). A second run — a schedule firing during a manual run — is refused, never interleaved.
import { IngotError } from '../../shared/errors.js';

const active = new Map<string, { runId: number | undefined; since: Date }>();

/** Claims the workspace at `dbPath` for a run; the returned function releases it. */
export function acquireRunLock(dbPath: string): { setRunId(id: number): void; release(): void } {
  const current = active.get(dbPath);
  if (current) {
    const which = current.runId !== undefined ? `run #${current.runId}` : 'another run';
    throw new IngotError('RUN_FAILED', `A pipeline run is already in progress in this workspace (${which}, started ${current.since.toISOString()}).`, {
      hint: 'Wait for it to finish or cancel it, then run again.',
      detail: current.runId !== undefined ? { runId: current.runId } : {},
    });
  }
  const entry = { runId: undefined as number | undefined, since: new Date() };
  active.set(dbPath, entry);
  return {
    setRunId: (id) => {
      entry.runId = id;
    },
    release: () => {
      if (active.get(dbPath) === entry) active.delete(dbPath);
    },
  };
}

/** True while a run holds the workspace at `dbPath`. */
export function isRunActive(dbPath: string): boolean {
  return active.has(dbPath);
}
