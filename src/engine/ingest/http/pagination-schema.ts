// The `pagination:` block of an HTTP source: page numbers, offset/limit, a cursor (next token) in
// the body, a next URL in the body, or RFC 8288 Link headers; each with the stop conditions that
// apply (an empty page, no next, `max_pages`).
import { z } from 'zod';

const Int = (min: number) => z.number().int().min(min);
const common = {
  /** Stop after this many pages (the load says more pages may exist). */
  max_pages: Int(1).optional(),
  /** Stop at the first page without records (default true). */
  stop_on_empty: z.boolean().default(true),
};

export const NoPaginationSchema = z.object({ type: z.literal('none'), ...common }).strict();

export const PageNumberSchema = z
  .object({
    type: z.literal('page_number'),
    /** Query parameter carrying the page number. */
    param: z.string().min(1).default('page'),
    start: Int(0).default(1),
    /** Query parameter carrying the page size, with `size`. */
    size_param: z.string().min(1).optional(),
    /** Records per page; a shorter page is the last one. */
    size: Int(1).optional(),
    ...common,
  })
  .strict();

export const OffsetSchema = z
  .object({
    type: z.literal('offset'),
    param: z.string().min(1).default('offset'),
    limit_param: z.string().min(1).default('limit'),
    limit: Int(1),
    start: Int(0).default(0),
    ...common,
  })
  .strict();

export const CursorPaginationSchema = z
  .object({
    type: z.literal('cursor'),
    /** Dotted path of the next token in the response body, e.g. meta.next_cursor. */
    cursor_path: z.string().min(1),
    /** Query parameter to send it in (or use {{next}} in the url, params or body). */
    param: z.string().min(1).optional(),
    ...common,
  })
  .strict();

export const NextUrlSchema = z
  .object({
    type: z.literal('next_url'),
    /** Dotted path of the next page's URL in the response body, e.g. links.next. */
    next_url_path: z.string().min(1),
    ...common,
  })
  .strict();

export const LinkHeaderSchema = z.object({ type: z.literal('link_header'), ...common }).strict();

export const PaginationSchema = z.discriminatedUnion('type', [NoPaginationSchema, PageNumberSchema, OffsetSchema, CursorPaginationSchema, NextUrlSchema, LinkHeaderSchema], {
  error: 'pagination.type must be one of: none, page_number, offset, cursor, next_url, link_header',
});

export type PaginationConfig = z.output<typeof PaginationSchema>;
