// Pagination: what each page's request asks for, and, from the page just read, whether there is
// a next one. Stops on an empty page (unless stop_on_empty is off), a short page, a missing next
// token, URL or Link; fails when a cursor or URL comes round again, or a page repeats the one
// before it word for word (an API that ignores the page parameter), so a load never loops.
import type { IncomingHttpHeaders } from 'node:http';
import { IngotError } from '../../../shared/errors.js';
import { linkTarget } from './link-header.js';
import type { PaginationConfig } from './pagination-schema.js';
import { valueAt } from './records-path.js';
import type { TemplateValues } from './template.js';

/** Where the next request points. Serializable: checkpoints store it. */
export type PageCursor = { kind: 'first' } | { kind: 'page'; page: number } | { kind: 'offset'; offset: number } | { kind: 'token'; token: string } | { kind: 'url'; url: string };

/** What a load remembers to notice loops. Serializable: checkpoints store it. */
export interface LoopMemory {
  tokens: string[];
  urls: string[];
  lastHash?: string;
}

export interface PageRead {
  doc: unknown;
  headers: IncomingHttpHeaders;
  records: number;
  /** The URL that was requested (full, for resolving relative links). */
  url: string;
  /** The URL as messages may show it. */
  display: string;
  bodyHash: string;
  /** 1-based page number within the load. */
  pageNo: number;
}

export interface PageRequest {
  values: TemplateValues;
  params: Record<string, string>;
  /** A URL to use as is (next_url, Link), instead of the url template. */
  url?: string;
}

export interface Paginator {
  /** Requests can be made ahead of responses (page numbers, offsets): fetched concurrently. */
  readonly ahead: boolean;
  request(at: PageCursor): PageRequest;
  /** The page after `at`, for paginators that work ahead. */
  following(at: PageCursor): PageCursor;
  /** The page after the one just read, or null to stop. Updates `memory`; throws on a loop. */
  next(at: PageCursor, page: PageRead, memory: LoopMemory): PageCursor | null;
}

function loopError(what: string, page: PageRead, file: string, hint: string): IngotError {
  return new IngotError('INGEST_FAILED', `${what} (page ${page.pageNo}, ${page.display}); Ingot stopped to avoid loading the same pages forever, and kept nothing of this load.`, {
    hint,
    detail: { file, url: page.display, page: page.pageNo },
  });
}

/** `display` turns a URL into the form messages and checkpoints may hold (no credentials). */
export function createPaginator(config: PaginationConfig, file: string, display: (url: string) => string = (u) => u): Paginator {
  const none: TemplateValues = {};
  const empty = (page: PageRead): boolean => page.records === 0 && config.stop_on_empty;
  const sameAsBefore = (page: PageRead, memory: LoopMemory, param: string): void => {
    if (page.records > 0 && memory.lastHash === page.bodyHash) {
      throw loopError(`Page ${page.pageNo} has exactly the same content as page ${page.pageNo - 1}`, page, file, `The API seems to ignore \`${param}\`: check pagination.param in ${file} against the API's documentation.`);
    }
    memory.lastHash = page.bodyHash;
  };
  const seenUrl = (url: string, page: PageRead, memory: LoopMemory, what: string): void => {
    const shown = display(url);
    if (memory.urls.includes(shown)) {
      throw loopError(`The API pointed ${what} to ${shown} again`, page, file, `The API's next-page links go round in a circle; check pagination in ${file} against the API's documentation.`);
    }
    memory.urls.push(shown);
  };
  switch (config.type) {
    case 'none':
      return { ahead: false, request: () => ({ values: none, params: {} }), following: (at) => at, next: () => null };
    case 'page_number': {
      const pageOf = (at: PageCursor): number => (at.kind === 'page' ? at.page : config.start);
      return {
        ahead: true,
        request: (at) => {
          const page = pageOf(at);
          const params: Record<string, string> = { [config.param]: String(page) };
          if (config.size_param && config.size !== undefined) params[config.size_param] = String(config.size);
          return { values: { page: String(page), ...(config.size !== undefined ? { limit: String(config.size) } : {}) }, params };
        },
        following: (at) => ({ kind: 'page', page: pageOf(at) + 1 }),
        next(at, page, memory) {
          if (empty(page) || (config.size !== undefined && page.records < config.size)) return null;
          sameAsBefore(page, memory, config.param);
          return { kind: 'page', page: pageOf(at) + 1 };
        },
      };
    }
    case 'offset': {
      const offsetOf = (at: PageCursor): number => (at.kind === 'offset' ? at.offset : config.start);
      return {
        ahead: true,
        request: (at) => {
          const offset = offsetOf(at);
          return { values: { offset: String(offset), limit: String(config.limit) }, params: { [config.param]: String(offset), [config.limit_param]: String(config.limit) } };
        },
        following: (at) => ({ kind: 'offset', offset: offsetOf(at) + config.limit }),
        next(at, page, memory) {
          if (empty(page) || page.records < config.limit) return null;
          sameAsBefore(page, memory, config.param);
          return { kind: 'offset', offset: offsetOf(at) + config.limit };
        },
      };
    }
    case 'cursor':
      return {
        ahead: false,
        request: (at) => (at.kind === 'token' ? { values: { next: at.token }, params: config.param ? { [config.param]: at.token } : {} } : { values: none, params: {} }),
        following: (at) => at,
        next(_at, page, memory) {
          if (empty(page)) return null;
          const raw = valueAt(page.doc, config.cursor_path);
          if (raw === undefined || raw === null || raw === '' || raw === false) return null;
          const token = typeof raw === 'string' ? raw : JSON.stringify(raw);
          if (memory.tokens.includes(token)) {
            const first = memory.tokens.indexOf(token) + 1;
            throw loopError(`The API sent the cursor "${token}" again (it came first with page ${first})`, page, file, `The API's ${config.cursor_path} repeats; check pagination.cursor_path and pagination.param in ${file}.`);
          }
          memory.tokens.push(token);
          return { kind: 'token', token };
        },
      };
    case 'next_url':
    case 'link_header':
      return {
        ahead: false,
        request: (at) => (at.kind === 'url' ? { values: none, params: {}, url: at.url } : { values: none, params: {} }),
        following: (at) => at,
        next(_at, page, memory) {
          if (memory.urls.length === 0) memory.urls.push(page.display);
          if (empty(page)) return null;
          let target: string | undefined;
          if (config.type === 'link_header') {
            target = linkTarget(page.headers.link, page.url);
          } else {
            const raw = valueAt(page.doc, config.next_url_path);
            if (typeof raw === 'string' && raw !== '') {
              try {
                target = new URL(raw, page.url).toString();
              } catch {
                throw new IngotError('INGEST_FAILED', `The next-page URL at ${config.next_url_path} is not a URL: "${raw}" (page ${page.pageNo}, ${page.display}).`, {
                  hint: `Check pagination.next_url_path in ${file}.`,
                  detail: { file, url: page.display, field: 'pagination.next_url_path' },
                });
              }
            }
          }
          if (target === undefined) return null;
          seenUrl(target, page, memory, config.type === 'link_header' ? 'its Link rel="next"' : config.next_url_path);
          return { kind: 'url', url: target };
        },
      };
  }
}
