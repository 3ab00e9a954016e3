// The "test request" of the ingest screen's API form: sends the first request of an HTTP source
// once (no retries) and shows what came back: status, headers, a body excerpt and where the
// records are, with every credential masked. Works on a saved source or an unsaved definition.
import { IngotError } from '../../../shared/errors.js';
import { activeSecretStore } from '../../secrets/active-store.js';
import { createRedactor, REDACTED } from '../../secrets/redactor.js';
import type { SecretStore } from '../../secrets/secret-store.js';
import type { Workspace } from '../../workspace/workspace.js';
import { loadSource, type SourceDefinition } from '../sources.js';
import { firstRequest, readFirstPage } from './first-page.js';
import { statusError, transportFailure } from './http-errors.js';
import { HttpSourceSchema, type HttpSource } from './http-source.js';
import { TransportError } from './transport-error.js';

export interface TestRequestResult {
  method: string;
  /** The URL sent, with a credential query parameter shown as ***. */
  url: string;
  /** The request headers sent, credentials shown as ***. */
  requestHeaders: Record<string, string>;
  status: number;
  statusText: string;
  ok: boolean;
  headers: Record<string, string>;
  contentType: string | null;
  bodyBytes: number;
  /** The first 2,000 characters of the body, secrets masked. */
  bodyExcerpt: string;
  durationMs: number;
  /** Where the records are (configured, or found when `records:` is unset); null when not JSON or none found. */
  recordsPath: string | null;
  recordsFound: boolean;
  records: number | null;
  /** Why the records could not be read, or what a failed status means. */
  problem: { message: string; hint?: string } | null;
}

export interface TestRequestOptions {
  signal?: AbortSignal;
  store?: SecretStore;
}

const EXCERPT = 2000;

function definitionOf(input: unknown): { src: HttpSource; file: string } {
  const def = input as Partial<SourceDefinition> | undefined;
  const raw = def && typeof def === 'object' && 'options' in def && def.options ? def.options : input;
  const file = def && typeof def === 'object' && typeof def.file === 'string' ? def.file : 'the source definition';
  const parsed = HttpSourceSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    throw new IngotError('INVALID_INPUT', `${field ? `${field}: ` : ''}${issue?.message ?? 'invalid HTTP source'}.`, { hint: 'Fix the field and send the test request again.', detail: { file, field } });
  }
  return { src: parsed.data, file };
}

/** Sends the first request of `source` (a source name, a SourceDefinition, or an unsaved `kind: http` definition). */
export async function testRequest(ws: Workspace, source: string | SourceDefinition | Record<string, unknown>, options: TestRequestOptions = {}): Promise<TestRequestResult> {
  const { src, file } = definitionOf(typeof source === 'string' ? await loadSource(ws, source) : source);
  const redactor = createRedactor();
  try {
    const { client, request } = await firstRequest(src, file, options.store ?? activeSecretStore(), redactor);
    try {
      const shown = new URL(request.url);
      if (client.auth?.queryParam) shown.searchParams.set(client.auth.queryParam, REDACTED);
      const requestHeaders: Record<string, string> = { ...request.headers };
      for (const name of client.auth?.headerNames ?? []) requestHeaders[name] = REDACTED;
      const started = performance.now();
      const response = await client.probe(request, options.signal).catch((err: unknown) => {
        throw err instanceof TransportError ? transportFailure(err, client.errorContext(request.url), 1) : err;
      });
      const durationMs = Math.round(performance.now() - started);
      const headers = Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k, redactor.text(Array.isArray(v) ? v.join(', ') : String(v ?? ''))]));
      const ok = response.status >= 200 && response.status < 300;
      let recordsPath: string | null = null;
      let recordsFound = false;
      let records: number | null = null;
      let problem: TestRequestResult['problem'] = null;
      if (ok) {
        try {
          const page = readFirstPage(src, response, client.display(request.url), file);
          recordsPath = page.path?.text ?? null;
          recordsFound = page.found;
          records = page.records.length;
        } catch (err) {
          if (!(err instanceof IngotError)) throw err;
          problem = { message: err.message, ...(err.hint ? { hint: err.hint } : {}) };
        }
      } else {
        const err = statusError(response, client.errorContext(request.url));
        problem = { message: err.message, ...(err.hint ? { hint: err.hint } : {}) };
      }
      const text = response.body.toString('utf8', 0, Math.min(response.body.length, EXCERPT * 4));
      return {
        method: request.method,
        url: redactor.text(shown.toString()),
        requestHeaders,
        status: response.status,
        statusText: response.statusText,
        ok,
        headers,
        contentType: headers['content-type'] ?? null,
        bodyBytes: response.body.length,
        bodyExcerpt: redactor.text(text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text),
        durationMs,
        recordsPath,
        recordsFound,
        records,
        problem: problem && { message: redactor.text(problem.message), ...(problem.hint ? { hint: redactor.text(problem.hint) } : {}) },
      };
    } finally {
      client.close();
    }
  } catch (err) {
    throw redactor.error(err);
  }
}
