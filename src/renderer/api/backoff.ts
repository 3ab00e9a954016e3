// How long the renderer waits before redialing the engine: doubling delays, capped, so a restart
// is picked up quickly and a long outage does not spin the CPU.

export interface BackoffOptions {
  /** Delay before the first retry, in ms. */
  initialMs?: number;
  /** Longest delay between retries, in ms. */
  maxMs?: number;
}

/** The delay before retry number `attempt` (0-based): 250 ms, 500 ms, 1 s, … up to 5 s. */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const initial = options.initialMs ?? 250;
  const max = options.maxMs ?? 5_000;
  const safeAttempt = Math.max(0, Math.min(30, Math.floor(attempt)));
  return Math.min(max, initial * 2 ** safeAttempt);
}
