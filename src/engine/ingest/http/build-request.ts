// Turns a source definition plus the current page and cursor into one HTTP request: the url
// template rendered (values URL-encoded), params and pagination parameters added (a templated
// parameter that renders empty is left out), default and configured headers, and the body.
import type { HttpSource } from './http-source.js';
import type { PageRequest } from './paginate.js';
import type { HttpRequest } from './request.js';
import { renderDeep, renderTemplate, templateNames, type TemplateValues } from './template.js';

const DEFAULT_HEADERS: Record<string, string> = {
  accept: 'application/json',
  'accept-encoding': 'gzip, deflate, br',
  'user-agent': 'Ingot (local-first data workbench)',
};

/** The request for one page; `cursor` is the incremental cursor this load starts from. */
export function buildRequest(src: HttpSource, page: PageRequest, cursor: string | null): HttpRequest {
  const values: TemplateValues = { ...page.values, ...(cursor !== null ? { cursor } : {}) };
  const headers: Record<string, string> = { ...DEFAULT_HEADERS };
  for (const [name, value] of Object.entries(src.headers)) {
    for (const key of Object.keys(headers)) if (key.toLowerCase() === name.toLowerCase()) delete headers[key];
    headers[name] = renderTemplate(value, values);
  }
  let body: string | undefined;
  if (src.body !== undefined) {
    const rendered = renderDeep(src.body, values);
    body = typeof rendered === 'string' ? rendered : JSON.stringify(rendered);
    if (typeof rendered !== 'string' && !Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
  }
  if (page.url !== undefined) return { method: src.method, url: new URL(page.url), headers, ...(body !== undefined ? { body } : {}) };

  const url = new URL(renderTemplate(src.url, values, encodeURIComponent));
  for (const [name, template] of Object.entries(src.params)) {
    const value = renderTemplate(template, values);
    if (value === '' && templateNames(template).length > 0) continue;
    url.searchParams.set(name, value);
  }
  for (const [name, value] of Object.entries(page.params)) url.searchParams.set(name, value);
  if (src.incremental?.param && cursor !== null) url.searchParams.set(src.incremental.param, cursor);
  return { method: src.method, url, headers, ...(body !== undefined ? { body } : {}) };
}
