// Counts the records of a delimited text file from its raw bytes, independently of DuckDB's
// sniffer and type inference, so a load can prove records = rows loaded + rows rejected. It is
// fed the same chunks the content hash reads and jumps between quotes and newlines with native
// `indexOf`; runs of lines without quotes take a short path (about 40 ns a line).

export interface RecordScanConfig {
  /** Byte that ends a record (\n, or \r for old Mac files). */
  newline: number;
  /** Quote byte, or -1 when fields are never quoted. */
  quote: number;
  /** Last byte of the field delimiter: a quote opens a value only at the start of a field. */
  delimiter: number;
  /** Escape byte inside quotes, or -1; equal to `quote` for the doubled-quote convention. */
  escape: number;
  /** Comment byte: lines starting with it are not records; -1 for none. */
  comment: number;
  /** Physical lines to skip before the header. */
  skipLines: number;
  /** Header records to subtract. */
  headerRecords: number;
  /** Empty lines are records only in single-column files (DuckDB reads them as NULL). */
  blankLinesAreRecords: boolean;
}

export interface RecordScanner {
  update(chunk: Uint8Array): void;
  /** Data records seen; call after the last chunk. */
  finish(): number;
  /** Whether the bytes so far end inside a quoted value (a quote that never closes). */
  endsInsideQuote(): boolean;
}

const CR = 13;
const SPACE = 32;

/** A scanner for one file. */
export function createRecordScanner(config: RecordScanConfig): RecordScanner {
  const escapeIsDistinct = config.escape >= 0 && config.escape !== config.quote;
  /** Without comments, a line is a record unless it is blank. */
  const plainLines = config.comment < 0;
  const { newline, blankLinesAreRecords } = config;
  let records = 0;
  let linesToSkip = config.skipLines;
  let inQuotes = false;
  let atLineStart = true;
  let lineIsComment = false;
  /** Whether the current line holds anything but a carriage return. */
  let lineHasContent = false;
  let previousByte = -1;
  /** The last byte before this chunk that is not a space (-1 at the start of the file). */
  let lastNonSpace = -1;
  /** The last byte handled closed a quoted value. */
  let justClosed = false;

  const endLine = (): void => {
    if (linesToSkip > 0) linesToSkip--;
    else if (!lineIsComment && (lineHasContent || config.blankLinesAreRecords)) records++;
    atLineStart = true;
    lineIsComment = false;
    lineHasContent = false;
  };

  /** Whether the quote at `q` opens a quoted value, as DuckDB reads it: at the start of a field
   * (spaces may precede it), or right after a closing quote (a doubled quote inside the value).
   * A quote inside an unquoted value is a literal character. */
  const opensValue = (bytes: Buffer, q: number, pos: number): boolean => {
    if (q === pos && justClosed) return true;
    let i = q - 1;
    while (i >= 0 && bytes[i] === SPACE) i--;
    const before = i >= 0 ? bytes[i] : lastNonSpace;
    return before === -1 || before === config.newline || before === config.delimiter;
  };

  const update = (chunk: Uint8Array): void => {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const end = bytes.length;
    let pos = 0;
    /** Position of the next quote at or after `pos` in this chunk, -1 for none, -2 for not yet looked up. */
    let nextQuote = -2;
    const quoteFrom = (from: number): number => {
      if (config.quote < 0) return -1;
      if (nextQuote === -1 || nextQuote >= from) return nextQuote;
      // A quote right here (an empty value, a doubled quote) is common enough to skip the search.
      nextQuote = bytes[from] === config.quote ? from : bytes.indexOf(config.quote, from);
      return nextQuote;
    };
    /** The same for the next newline: each is searched for once, however many quotes a line has. */
    let nextNewline = -2;
    const newlineFrom = (from: number): number => {
      if (nextNewline === -1 || nextNewline >= from) return nextNewline;
      nextNewline = bytes.indexOf(newline, from);
      return nextNewline;
    };
    while (pos < end) {
      if (atLineStart) {
        atLineStart = false;
        lineIsComment = linesToSkip === 0 && bytes[pos] === config.comment;
      }
      if (inQuotes) {
        const q = quoteFrom(pos);
        if (q === -1) break;
        const escaped = escapeIsDistinct && (q > pos ? bytes[q - 1] : previousByte) === config.escape;
        pos = q + 1;
        previousByte = config.quote;
        if (!escaped) {
          inQuotes = false;
          justClosed = true;
        }
        continue;
      }
      if (plainLines && linesToSkip === 0) {
        // Complete lines before the next quote need no quote logic: hop from newline to newline
        // (locals only: this loop runs once per line of the file).
        const q = quoteFrom(pos);
        const limit = q === -1 ? end : q;
        let next = newlineFrom(pos);
        if (next !== -1 && next < limit) {
          let at = pos;
          let counted = 0;
          let hasContent = lineHasContent;
          do {
            if (hasContent || next - at > 1 || (next > at && bytes[at] !== CR) || blankLinesAreRecords) counted++;
            hasContent = false;
            at = next + 1;
            next = bytes.indexOf(newline, at);
          } while (next !== -1 && next < limit);
          nextNewline = next;
          records += counted;
          pos = at;
          lineHasContent = false;
          justClosed = false;
          atLineStart = true;
          continue;
        }
      }
      const nl = newlineFrom(pos);
      const stop = nl === -1 ? end : nl;
      if (linesToSkip === 0 && !lineIsComment) {
        let q = quoteFrom(pos);
        while (q !== -1 && q < stop && !opensValue(bytes, q, pos)) q = quoteFrom(q + 1);
        justClosed = false;
        if (q !== -1 && q < stop) {
          lineHasContent = true;
          inQuotes = true;
          pos = q + 1;
          previousByte = config.quote;
          continue;
        }
      }
      if (!lineHasContent && stop > pos) lineHasContent = stop - pos > 1 || bytes[pos] !== CR;
      if (nl === -1) break;
      endLine();
      pos = nl + 1;
    }
    if (end > 0) previousByte = bytes[end - 1] ?? -1;
    for (let i = end - 1; i >= 0; i--) {
      if (bytes[i] !== SPACE) {
        lastNonSpace = bytes[i] ?? -1;
        break;
      }
    }
  };

  return {
    update,
    finish: () => {
      if (!atLineStart) endLine();
      return Math.max(0, records - config.headerRecords);
    },
    endsInsideQuote: () => inQuotes,
  };
}
