// Pause points for the crash-safety test: with INGOT_TEST_PAUSE_AT=<point> the runner stops at
// that point (inside the open transaction), announces it on stderr and waits, so the test's
// SIGKILL lands exactly there. Unset (always, outside tests) it does nothing.
export type PausePoint = 'swap' | 'incremental' | 'publish';

/** Waits INGOT_TEST_PAUSE_MS (default 30 s) when INGOT_TEST_PAUSE_AT names `point`. */
export async function pauseForTest(point: PausePoint): Promise<void> {
  const wanted = process.env.INGOT_TEST_PAUSE_AT;
  if (!wanted || !wanted.split(',').includes(point)) return;
  process.stderr.write(`INGOT_TEST_PAUSED ${point}\n`);
  const ms = Number(process.env.INGOT_TEST_PAUSE_MS ?? 30_000);
  await new Promise((resolve) => setTimeout(resolve, ms));
}
