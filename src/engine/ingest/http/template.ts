// `{{name}}` placeholders in an HTTP source's url, params, headers and body. Known names: cursor
// (the incremental cursor), page, offset, limit and next (the pagination token). A placeholder
// without a value renders as the empty string; a query parameter that renders empty is left out.

export const TEMPLATE_VARIABLES = ['cursor', 'page', 'offset', 'limit', 'next'] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TemplateValues = Partial<Record<TemplateVariable, string>>;

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The placeholder names used in `text`, in order of appearance. */
export function templateNames(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
}

/** Names in `text` that are not template variables. */
export function unknownTemplateNames(text: string): string[] {
  return templateNames(text).filter((n) => !(TEMPLATE_VARIABLES as readonly string[]).includes(n));
}

/** `text` with each placeholder replaced by its value, passed through `encode` (e.g. for URLs). */
export function renderTemplate(text: string, values: TemplateValues, encode: (value: string) => string = (v) => v): string {
  return text.replace(PLACEHOLDER, (_m, name: string) => encode(values[name as TemplateVariable] ?? ''));
}

/** Renders every string inside a JSON-like value (a request body). */
export function renderDeep(value: unknown, values: TemplateValues): unknown {
  if (typeof value === 'string') return renderTemplate(value, values);
  if (Array.isArray(value)) return value.map((v) => renderDeep(v, values));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renderDeep(v, values)]));
  return value;
}

/** Every string inside a JSON-like value, for validation. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}
