// Chart values that are dates or timestamps: the engine sends min and max of a date column as
// milliseconds since 1970 (UTC); charts draw them in days (so ticks fall on whole days) and label
// them as dates again.

export const MS_PER_DAY = 86_400_000;

const pad = (n: number): string => String(n).padStart(2, '0');

/** Milliseconds since 1970 to days since 1970, as the chart draws them. */
export function epochMsToDays(ms: number | null): number | null {
  return ms === null ? null : ms / MS_PER_DAY;
}

/** Days since 1970 as `2024-03-20`. */
export function formatEpochDay(days: number): string {
  const d = new Date(Math.round(days * MS_PER_DAY));
  if (Number.isNaN(d.getTime())) return String(days);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Days since 1970 as `2024-03-20 17:45:10` (the date alone at midnight). */
export function formatEpochTimestamp(days: number): string {
  const d = new Date(Math.round(days * MS_PER_DAY));
  if (Number.isNaN(d.getTime())) return String(days);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return time === '00:00:00' ? formatEpochDay(days) : `${formatEpochDay(days)} ${time}`;
}
