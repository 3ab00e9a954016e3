// Names of the dbt tests made from Ingot checks: `<table>__<check>` (plus the column or test when
// the check's name does not say it), in lower-case letters, digits and underscores, unique in the
// project because dbt requires it; a singular test's file is named after its test.

const MAX_LENGTH = 100;

/** A new test name for `check` of `table`, recorded in `used`. */
export function uniqueName(used: Set<string>, table: string, check: string, ...details: string[]): string {
  const parts = [slug(table), slug(check)];
  for (const detail of details.map(slug)) if (detail !== '' && !parts[1]?.includes(detail)) parts.push(detail);
  const base = parts.filter((p) => p !== '').join('__').slice(0, MAX_LENGTH);
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
  used.add(name);
  return name;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}
