// Finds, in a delimited file DuckDB refused, the line a user has to fix: the first line longer
// than the reader allows, or the line where a quote opens that never closes. Only used on the
// error path, to turn a vague "could not read" into file:line.
import { createReadStream } from 'node:fs';

/** DuckDB's default maximum line size. */
export const MAX_LINE_BYTES = 2_000_000;

/** 1-based number of the first line over `maxBytes`, or undefined. */
export async function findLongLine(path: string, maxBytes = MAX_LINE_BYTES): Promise<number | undefined> {
  let line = 1;
  let length = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let pos = 0;
    while (pos < chunk.length) {
      const nl = chunk.indexOf(10, pos);
      const end = nl === -1 ? chunk.length : nl;
      length += end - pos;
      if (length > maxBytes) return line;
      if (nl === -1) break;
      line++;
      length = 0;
      pos = nl + 1;
    }
  }
  return undefined;
}

/**
 * 1-based line where a quoted value opens and never properly closes: either the file ends inside
 * it, or (unless `onlyAtEnd`) the next quote is followed by something other than a delimiter,
 * newline or quote.
 */
export async function findUnterminatedQuote(path: string, quote: number, delimiter: number, onlyAtEnd = false): Promise<number | undefined> {
  let line = 1;
  let openedAt: number | undefined;
  let atFieldStart = true;
  let pendingClose = false;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (pendingClose) {
        pendingClose = false;
        if (b === quote) continue; // a doubled quote inside the value
        if (b !== delimiter && b !== 10 && b !== 13 && !onlyAtEnd) return openedAt;
        openedAt = undefined;
      }
      if (openedAt !== undefined) {
        if (b === 10) line++;
        else if (b === quote) pendingClose = true;
        continue;
      }
      if (b === 10) {
        line++;
        atFieldStart = true;
      } else if (b === quote && atFieldStart) {
        openedAt = line;
      } else if (b !== 32 || !atFieldStart) {
        // Spaces may precede the quote that opens a value; anything else makes a quote literal.
        atFieldStart = b === delimiter;
      }
    }
  }
  return pendingClose ? undefined : openedAt;
}
