// Retries with exponential backoff for failures that may pass on their own: a transaction
// conflict with a concurrent writer, or an IO error. Everything else fails at once.
import { IngotError } from '../../shared/errors.js';

const TRANSIENT = /TransactionContext Error|Transaction conflict|write-write conflict|Conflict on (tuple|update)|IO Error|Could not (read|write) (from|to) file|resource temporarily unavailable/i;

/** True for errors worth retrying. Cancellation never is. */
export function isTransient(err: unknown): boolean {
  if (err instanceof IngotError && (err.code === 'CANCELLED' || err.code === 'MODEL_INVALID' || err.code === 'QUALITY_FAILED')) return false;
  const message = err instanceof Error ? err.message : String(err);
  return TRANSIENT.test(message);
}

export interface RetryPolicy {
  retries: number;
  backoffMs: number;
}

/** Runs `attempt(n)` (n from 1) until it succeeds, a non-transient error occurs, or retries run out. */
export async function withRetries<T>(policy: RetryPolicy, signal: AbortSignal | undefined, attempt: (n: number) => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (err) {
      if (n > policy.retries || !isTransient(err) || signal?.aborted) throw err;
      await sleep(policy.backoffMs * 2 ** (n - 1), signal);
    }
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }
    function onAbort(): void {
      clearTimeout(timer);
      reject(new IngotError('CANCELLED', 'The run was cancelled while waiting to retry.'));
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
