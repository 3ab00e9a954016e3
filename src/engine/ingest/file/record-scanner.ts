// Counts the records of a delimited text file from its raw bytes, independently of DuckDB's
// sniffer and type inference, so a load can prove records = rows loaded + rows rejected. It is
// fed the same chunks the content hash reads, jumps between quotes and newlines with native
// `indexOf`, and so costs about as much as reading the file.

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
      nextQuote = bytes.indexOf(config.quote, from);
      return nextQuote;
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
      const nl = bytes.indexOf(config.newline, pos);
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
