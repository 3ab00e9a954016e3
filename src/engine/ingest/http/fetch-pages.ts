// The paging loop of a load: requests page after page (page-number and offset pagination keep up
// to `concurrency` requests in flight and use the answers in order), appends each page's records
// to the spool, and checkpoints where it stands, so a load that dies resumes after its last
// complete page. Only one page's body and records are in memory at a time per request in flight.
import { createHash } from 'node:crypto';
import type { FetchProgress } from './checkpoint.js';
import type { HttpClient } from './client.js';
import { buildRequest } from './build-request.js';
import type { HttpSource } from './http-source.js';
import { readPage } from './page.js';
import type { PageCursor, Paginator } from './paginate.js';
import { parseRecordsPath, type RecordsPath } from './records-path.js';
import { recordLines } from './records-span.js';
import type { HttpRequest, HttpResponse } from './request.js';
import { mergeShape } from './shape.js';
import type { Spool } from './spool.js';

export interface FetchPlan {
  src: HttpSource;
  file: string;
  client: HttpClient;
  paginator: Paginator;
  spool: Spool;
  /** The incremental cursor this load asks from (null: everything). */
  cursor: string | null;
  start: FetchProgress;
  /** Saves progress; `force` bypasses the time throttle (on failure and at the end). */
  checkpoint(progress: FetchProgress, force: boolean): Promise<void>;
  onPage?(progress: FetchProgress): void;
  signal?: AbortSignal;
}

const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

interface InFlight {
  at: PageCursor;
  req: HttpRequest;
  response: Promise<HttpResponse>;
  /** Stops this request when pagination ends before its page is needed. */
  stop: AbortController;
}

/** Fetches every remaining page; returns where the load ended. */
export async function fetchPages(plan: FetchPlan): Promise<FetchProgress> {
  const { src, client, paginator, spool } = plan;
  let done: FetchProgress = plan.start;
  let path: RecordsPath | undefined = done.recordsPath !== undefined ? (parseRecordsPath(done.recordsPath) as RecordsPath) : undefined;
  const maxPages = src.pagination.max_pages;
  const inFlight: InFlight[] = [];
  const dropInFlight = (): void => {
    for (const f of inFlight.splice(0)) f.stop.abort();
  };

  const launch = (at: PageCursor): void => {
    const req = buildRequest(src, paginator.request(at), plan.cursor);
    const stop = new AbortController();
    const response = client.fetch(req, plan.signal ? AbortSignal.any([stop.signal, plan.signal]) : stop.signal);
    response.catch(() => undefined);
    inFlight.push({ at, req, response, stop });
  };
  /** Keeps requests in flight from `from` on; `counted` pages are already read. */
  const fill = (from: PageCursor | null, counted: number): void => {
    if (!from) return;
    const limit = paginator.ahead ? src.rate_limit.concurrency : 1;
    let at = inFlight.length > 0 ? paginator.following((inFlight[inFlight.length - 1] as InFlight).at) : from;
    while (inFlight.length < limit && (maxPages === undefined || counted + inFlight.length < maxPages)) {
      launch(at);
      if (!paginator.ahead) break;
      at = paginator.following(at);
    }
  };

  try {
    fill(done.next, done.pages);
    while (inFlight.length > 0) {
      const head = inFlight.shift() as InFlight;
      const res = await head.response;
      const pageNo = done.pages + 1;
      const display = client.display(head.req.url);
      const page = readPage(res, { url: display, pageNo, file: plan.file }, path);
      const foundPath = done.foundPath || page.found;
      path = page.path;
      const bodyHash = sha256(res.body);
      const memory = done.memory;
      const before = { tokens: memory.tokens.length, urls: memory.urls.length, lastHash: memory.lastHash };
      let next: PageCursor | null;
      let maxed = false;
      try {
        next = paginator.next(head.at, { doc: page.doc, headers: res.headers, records: page.records.length, url: head.req.url.toString(), display, bodyHash, pageNo }, memory);
        if (next && maxPages !== undefined && pageNo >= maxPages) [next, maxed] = [null, true];
        if (inFlight.length > 0 && (!next || JSON.stringify(inFlight[0]?.at) !== JSON.stringify(next))) dropInFlight();
        // Ask for the next page before writing this one, so the server works meanwhile.
        fill(next, pageNo);
        mergeShape(done.shape, page.records);
        const lines = page.path && page.records.length > 0 ? recordLines(res.body, page.path, page.records.length) : undefined;
        if (lines) await spool.appendLines(lines, page.records.length);
        else await spool.append(page.records);
      } catch (err) {
        // The checkpoint keeps the loop memory as it was before this page.
        memory.tokens.length = before.tokens;
        memory.urls.length = before.urls;
        if (before.lastHash === undefined) delete memory.lastHash;
        else memory.lastHash = before.lastHash;
        throw err;
      }
      done = {
        pages: pageNo,
        records: done.records + page.records.length,
        bytes: done.bytes + res.wireBytes,
        spoolBytes: spool.bytes,
        next,
        memory,
        shape: done.shape,
        ...(path ? { recordsPath: path.text } : {}),
        foundPath,
        maxed,
      };
      plan.onPage?.(done);
      await plan.checkpoint(done, false);
      if (!done.next) break;
    }
  } catch (err) {
    await plan.checkpoint(done, true).catch(() => undefined);
    throw err;
  } finally {
    dropInFlight();
  }
  await plan.checkpoint(done, true);
  return done;
}
