// The date and timestamp formats a load of a source reads its CSV files with, where the source
// sets none itself: those its files in bronze were read with (the earliest batch's), so 01/05/2025
// means the same day in every file. None when bronze holds nothing of the source, or on --replace,
// which guesses afresh. Used by a load and by a source's preview alike.
import type { SqlConnection } from '../../db/connection.js';
import { readDateFormats } from '../ledger.js';
import type { FileFormatOptions } from './file-options.js';
import type { KeptDateFormats } from './format.js';

export async function keptDateFormats(
  conn: SqlConnection,
  source: { name: string; file: string },
  options: Pick<FileFormatOptions, 'date_format' | 'timestamp_format'>,
  bronzeHoldsFiles: boolean,
): Promise<KeptDateFormats> {
  const earlier = bronzeHoldsFiles ? await readDateFormats(conn, source.name) : {};
  return {
    sourceFile: source.file,
    ...(options.date_format === undefined && earlier.date !== undefined ? { date: earlier.date } : {}),
    ...(options.timestamp_format === undefined && earlier.timestamp !== undefined ? { timestamp: earlier.timestamp } : {}),
  };
}

/** `kept` when it keeps a format, else undefined (the file's own sniff decides). */
export function keepsAny(kept: KeptDateFormats): KeptDateFormats | undefined {
  return kept.date !== undefined || kept.timestamp !== undefined ? { ...kept } : undefined;
}
