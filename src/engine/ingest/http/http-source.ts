// The schema of a `kind: http` source (sources/<name>.yaml): the request (url template, method,
// params, headers, body), where the records are, the primary key, flattening, authentication,
// pagination, the incremental cursor, and the limits that keep a load polite and bounded.
import { z } from 'zod';
import { SourceBaseShape } from '../source-schema.js';
import { AuthSchema } from './auth-schema.js';
import { PaginationSchema } from './pagination-schema.js';
import { parseRecordsPath } from './records-path.js';
import { renderTemplate, stringsIn, templateNames, unknownTemplateNames, TEMPLATE_VARIABLES } from './template.js';

const Ms = z.number().int().min(1);

export const IncrementalSchema = z
  .object({
    /** The record field whose newest value is stored after each load, e.g. updated_at or id. */
    cursor_field: z.string().min(1),
    /** Query parameter that sends the stored cursor (or use {{cursor}} in the url, params or body). */
    param: z.string().min(1).optional(),
    /** The cursor of the very first load; without it the first load asks for everything. */
    start: z.union([z.string(), z.number()]).transform(String).optional(),
  })
  .strict();

const TimeoutSchema = z
  .object({
    /** Time to open the connection. */
    connect_ms: Ms.default(10_000),
    /** Longest silence while waiting for (more of) a response. */
    read_ms: Ms.default(30_000),
  })
  .strict();

const RetrySchema = z
  .object({
    /** Tries per request, the first included. */
    attempts: z.number().int().min(1).max(20).default(5),
    /** First backoff; it doubles per try (with jitter) up to max_backoff_ms. */
    backoff_ms: z.number().int().min(0).default(500),
    max_backoff_ms: z.number().int().min(0).default(30_000),
    /** Longest Retry-After Ingot waits; a longer one fails the load with the time to retry. */
    max_retry_after_s: z.number().min(0).default(120),
  })
  .strict();

const RateLimitSchema = z
  .object({
    requests_per_second: z.number().positive().optional(),
    /** Requests in flight at once (page_number and offset pagination fetch ahead). */
    concurrency: z.number().int().min(1).max(16).default(1),
  })
  .strict();

const Scalar = z.union([z.string(), z.number(), z.boolean()]).transform(String);
const FORBIDDEN_HEADERS = ['authorization', 'proxy-authorization', 'cookie'];

export const HttpSourceSchema = z
  .object({
    kind: z.literal('http'),
    ...SourceBaseShape,
    url: z.string().min(1, 'must be the URL of the API endpoint'),
    method: z.enum(['GET', 'POST']).default('GET'),
    params: z.record(z.string().min(1), Scalar).default({}),
    headers: z.record(z.string().min(1), Scalar).default({}),
    body: z.union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())]).optional(),
    /** Where the records are in each response: data.items or $.data.items[*]; found automatically when unset. */
    records: z.string().optional(),
    primary_key: z.union([z.string().min(1).transform((k) => [k]), z.array(z.string().min(1)).min(1)]).optional(),
    /** Nested objects become columns named parent_child instead of STRUCT columns. */
    flatten: z.boolean().default(false),
    auth: AuthSchema.optional(),
    pagination: PaginationSchema.prefault({ type: 'none' }),
    incremental: IncrementalSchema.optional(),
    timeout: TimeoutSchema.prefault({}),
    retry: RetrySchema.prefault({}),
    rate_limit: RateLimitSchema.prefault({}),
    /** The largest response body Ingot accepts (64 MB by default). */
    max_page_bytes: z.number().int().min(1024).default(64 * 1024 * 1024),
  })
  .strict()
  .superRefine((src, ctx) => {
    const issue = (path: (string | number)[], message: string): void => ctx.addIssue({ code: 'custom', path, message });
    const templates: [(string | number)[], string][] = [
      [['url'], src.url],
      ...Object.entries(src.params).map(([k, v]): [(string | number)[], string] => [['params', k], v]),
      ...Object.entries(src.headers).map(([k, v]): [(string | number)[], string] => [['headers', k], v]),
      ...stringsIn(src.body).map((s): [(string | number)[], string] => [['body'], s]),
    ];
    for (const [path, text] of templates) {
      const unknown = unknownTemplateNames(text);
      if (unknown.length > 0) issue(path, `{{${unknown[0]}}} is not a template variable; use one of: ${TEMPLATE_VARIABLES.map((v) => `{{${v}}}`).join(', ')}`);
    }
    let url: URL | undefined;
    try {
      url = new URL(renderTemplate(src.url, { cursor: 'x', page: '1', offset: '0', limit: '1', next: 'x' }, encodeURIComponent));
    } catch {
      issue(['url'], 'must be an absolute http(s) URL, e.g. https://api.example.com/v1/orders');
    }
    if (url && url.protocol !== 'http:' && url.protocol !== 'https:') issue(['url'], `must use http or https, not ${url.protocol.replace(':', '')}`);
    if (url && (url.username || url.password)) issue(['url'], 'must not contain a user name or password; use `auth: { type: basic, … }` with secret names');
    for (const name of Object.keys(src.headers)) {
      if (FORBIDDEN_HEADERS.includes(name.toLowerCase())) issue(['headers', name], 'credentials do not belong in a workspace file; use `auth:` with a secret name (e.g. token_secret: API_TOKEN)');
    }
    if (src.body !== undefined && src.method === 'GET') issue(['body'], 'a GET request has no body; set `method: POST`');
    if (src.records !== undefined) {
      const parsed = parseRecordsPath(src.records);
      if (typeof parsed === 'string') issue(['records'], parsed);
    }
    if (src.auth?.type === 'basic' && (src.auth.username === undefined) === (src.auth.username_secret === undefined)) {
      issue(['auth', 'username'], 'set exactly one of username or username_secret');
    }
    if (src.auth?.type === 'oauth2_client_credentials' && (src.auth.client_id === undefined) === (src.auth.client_id_secret === undefined)) {
      issue(['auth', 'client_id'], 'set exactly one of client_id or client_id_secret');
    }
    const used = new Set(templates.flatMap(([, t]) => templateNames(t)));
    if (src.incremental && !src.incremental.param && !used.has('cursor')) {
      issue(['incremental', 'param'], 'say how the cursor is sent: set `param:` (e.g. updated_since) or use {{cursor}} in the url, params or body');
    }
    if (src.pagination.type === 'cursor' && !src.pagination.param && !used.has('next')) {
      issue(['pagination', 'param'], 'say how the next token is sent: set `param:` (e.g. cursor) or use {{next}} in the url, params or body');
    }
    if (src.pagination.type === 'page_number' && src.pagination.size_param !== undefined && src.pagination.size === undefined) {
      issue(['pagination', 'size'], 'set the page size that goes with size_param');
    }
  });

export type HttpSource = z.output<typeof HttpSourceSchema>;
