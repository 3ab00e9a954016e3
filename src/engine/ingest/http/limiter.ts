// Keeps a load polite: at most `concurrency` requests in flight and at most `requestsPerSecond`
// request starts per second (evenly spaced). Retries and token requests queue here too.
import { sleep } from './sleep.js';

export interface Limiter {
  run<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

export function createLimiter(options: { concurrency: number; requestsPerSecond?: number | undefined }): Limiter {
  const spacing = options.requestsPerSecond ? 1000 / options.requestsPerSecond : 0;
  let nextStart = 0;
  let active = 0;
  const waiting: (() => void)[] = [];

  const acquire = async (): Promise<void> => {
    if (active >= options.concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
  };
  const release = (): void => {
    active--;
    waiting.shift()?.();
  };

  return {
    async run(fn, signal) {
      await acquire();
      try {
        if (spacing > 0) {
          const now = Date.now();
          const start = Math.max(now, nextStart);
          nextStart = start + spacing;
          if (start > now) await sleep(start - now, signal);
        }
        return await fn();
      } finally {
        release();
      }
    },
  };
}
