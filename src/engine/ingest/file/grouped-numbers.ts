// Text columns that hold numbers written with digit groups (`1.234,56`, `1 234,56`, `1,234.56`):
// DuckDB's sniffer reads them as text unless the source names its thousands separator, so a
// load says which separators would read them as numbers.

/** A way of writing grouped numbers: the thousands separator and the decimal separator. */
interface Grouping {
  thousands: '.' | ',' | ' ' | "'";
  decimal: '.' | ',';
}

/** Tried in this order; the first that reads every value wins. */
const GROUPINGS: readonly Grouping[] = [
  { thousands: '.', decimal: ',' },
  { thousands: ' ', decimal: ',' },
  { thousands: ',', decimal: '.' },
  { thousands: ' ', decimal: '.' },
  { thousands: "'", decimal: '.' },
];

const escape = (c: string): string => c.replace(/[.]/g, '\\.');

function pattern(g: Grouping): RegExp {
  return new RegExp(`^[-+]?\\d{1,3}(?:${escape(g.thousands)}\\d{3})*(?:${escape(g.decimal)}\\d+)?$`);
}

/**
 * Whether `value` is grouped beyond doubt: `1,250` could be 1.25 with a decimal comma, but
 * `1,250,000`, `1,250.5` and `1 250` can only be grouped.
 */
function surelyGrouped(value: string, g: Grouping): boolean {
  const separators = value.split(g.thousands).length - 1;
  if (separators === 0) return false;
  return g.thousands === ' ' || g.thousands === "'" || separators >= 2 || value.includes(g.decimal);
}

/**
 * The grouping that reads every value as a number, with at least one value surely grouped;
 * undefined when none does. `decimal` is the source's decimal separator when it sets one.
 */
export function detectGrouping(values: readonly string[], decimal?: '.' | ','): Grouping | undefined {
  const present = values.map((v) => v.trim()).filter((v) => v !== '');
  if (present.length === 0) return undefined;
  return GROUPINGS.filter((g) => decimal === undefined || g.decimal === decimal).find((g) => {
    const fits = pattern(g);
    return present.every((v) => fits.test(v)) && present.some((v) => surelyGrouped(v, g));
  });
}

/** A text column of grouped numbers, with one of its values. */
export interface GroupedColumn {
  column: string;
  example: string;
  grouping: Grouping;
}

/** The text columns among `columns` (name → sampled values) that hold grouped numbers. */
export function groupedColumns(columns: ReadonlyMap<string, readonly string[]>, decimal?: '.' | ','): GroupedColumn[] {
  return [...columns].flatMap(([column, values]) => {
    const grouping = detectGrouping(values, decimal);
    const example = grouping && values.find((v) => surelyGrouped(v.trim(), grouping));
    return grouping && example ? [{ column, example: example.trim(), grouping }] : [];
  });
}

/** One warning per way of writing: which columns load as text, and what to set so they load as numbers. */
export function groupedNumbersWarnings(where: string, found: readonly GroupedColumn[], decimalSet: string | undefined): string[] {
  const show = (c: string): string => JSON.stringify(c);
  const byGrouping = new Map<string, GroupedColumn[]>();
  for (const f of found) {
    const key = f.grouping.thousands + f.grouping.decimal;
    byGrouping.set(key, [...(byGrouping.get(key) ?? []), f]);
  }
  return [...byGrouping.values()].map((group) => {
    const g = group[0]!.grouping;
    const settings = [`\`thousands_separator: ${show(g.thousands)}\``, ...((decimalSet ?? '.') === g.decimal ? [] : [`\`decimal_separator: ${show(g.decimal)}\``])];
    const named = group.map((f) => `"${f.column}" (such as "${f.example}")`);
    const list = named.length === 1 ? `column ${named[0]!} holds` : `columns ${named.slice(0, -1).join(', ')} and ${named.at(-1)!} hold`;
    return `${where}: ${list} numbers written with digit groups and ${named.length === 1 ? 'loads' : 'load'} as text; to load ${named.length === 1 ? 'it' : 'them'} as numbers, set ${settings.join(' and ')} in the source.`;
  });
}
