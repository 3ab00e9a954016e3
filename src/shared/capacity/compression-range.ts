// Parses a compression ratio range as users type it ("5-10", "8", 7.5, {min: 5, max: 10}) into
// {min, max}; anything else gets a message saying what is wrong.

export interface NumberRange {
  min: number;
  max: number;
}

/** Highest compression ratio Ingot accepts; real columnar ratios stay well below 100×. */
export const MAX_COMPRESSION = 1000;

/** Returns the range, or a message (without the field name) saying what is wrong with `value`. */
export function parseCompressionRange(value: unknown): NumberRange | string {
  let min: unknown;
  let max: unknown;
  if (typeof value === 'number') {
    min = max = value;
  } else if (typeof value === 'string') {
    const match = /^\s*(\d+(?:\.\d+)?)\s*(?:[-–]\s*(\d+(?:\.\d+)?)\s*)?$/.exec(value);
    if (!match) return `must be a ratio like "8" or a range like "5-10", got "${value}"`;
    min = Number(match[1]);
    max = match[2] === undefined ? min : Number(match[2]);
  } else if (value !== null && typeof value === 'object' && 'min' in value && 'max' in value) {
    min = value.min;
    max = value.max;
  } else {
    return value === undefined ? 'is required (a ratio like "8" or a range like "5-10")' : `must be a ratio or a range like "5-10", got ${JSON.stringify(value)}`;
  }
  for (const [end, n] of [['minimum', min], ['maximum', max]] as const) {
    if (typeof n !== 'number' || !Number.isFinite(n)) return `the ${end} ratio must be a number, got ${String(n)}`;
    if (n <= 0) return `the ${end} ratio must be greater than 0 (a ratio of 5 means 5× smaller), got ${String(n)}`;
    if (n > MAX_COMPRESSION) return `the ${end} ratio must be at most ${MAX_COMPRESSION}, got ${String(n)}`;
  }
  if ((min as number) > (max as number)) return `the range is reversed (${String(min)}-${String(max)}); write the smaller ratio first, e.g. "${String(max)}-${String(min)}"`;
  return { min: min as number, max: max as number };
}

/** "5-10", or "8" when both ends are equal. */
export function compressionText(range: NumberRange): string {
  return range.min === range.max ? String(range.min) : `${String(range.min)}-${String(range.max)}`;
}
