// One run at a time per workspace within this process (DuckDB already keeps other processes
// out). A second run — a schedule firing during a manual run — is refused, never interleaved.
import { IngotError } from '../../shared/errors.js';

const active = new Map<string, { runId: number | undefined; since: Date }>();

/** Claims the workspace at `dbPath` for a run; the returned function releases it. */
export function acquireRunLock(dbPath: string): { setRunId(id: number): void; release(): void } {
  const current = active.get(dbPath);
  if (current) {
    const which = current.runId !== undefined ? `run #${current.runId}` : 'another run';
    // How long ago, not a clock time: the engine's clock and time zone need not be the reader's.
    throw new IngotError('RUN_FAILED', `A pipeline run is already in progress in this workspace (${which}, started ${ago(Date.now() - current.since.getTime())}).`, {
      hint: 'Wait for it to finish or cancel it, then run again.',
      detail: { ...(current.runId !== undefined ? { runId: current.runId } : {}), startedAt: current.since.toISOString() },
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

/** The run holding the workspace at `dbPath` (its id once it has one), or undefined. */
export function activeRun(dbPath: string): { runId: number | undefined } | undefined {
  const current = active.get(dbPath);
  return current ? { runId: current.runId } : undefined;
}

/** An elapsed time as people say it: "just now", "12 s ago", "4 min ago", "2 h 5 min ago". */
function ago(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 1) return 'just now';
  if (s < 60) return `${s} s ago`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min ago`;
  return `${Math.floor(min / 60)} h ${min % 60} min ago`;
}
