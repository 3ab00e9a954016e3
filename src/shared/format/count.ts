// Counts as people read them, for messages of the engine and labels of the app alike.

const counter = new Intl.NumberFormat('en-US');

/** `12,345` */
export function formatCount(n: number): string {
  return counter.format(n);
}

/** `1 row`, `0 rows`, `12,345 rows`: a count with its noun, singular only for exactly one. */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(n)} ${Math.abs(n) === 1 ? singular : plural}`;
}
