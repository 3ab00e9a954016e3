// The two checks that end every file load: the file did not change while it loaded, and its
// records (counted without DuckDB's type inference) are all accounted for as loaded or rejected.
import { IngotError } from '../../../shared/errors.js';
import type { FileStamp } from './digest.js';

/** Throws if size, modification time or (when known before) the content hash moved. */
export function checkUnchanged(name: string, before: FileStamp, after: FileStamp, hashBefore: string | undefined, hashDuring: string): void {
  const moved = after.sizeBytes !== before.sizeBytes || after.modifiedMs !== before.modifiedMs || (hashBefore !== undefined && hashBefore !== hashDuring);
  if (!moved) return;
  const what =
    before.sizeBytes !== after.sizeBytes
      ? `its size went from ${before.sizeBytes} to ${after.sizeBytes} bytes`
      : before.modifiedMs !== after.modifiedMs
        ? `it was modified at ${new Date(after.modifiedMs).toISOString()}`
        : 'its content changed';
  throw new IngotError('INGEST_FAILED', `${name} changed while it was loading (${what}); nothing of this batch was kept.`, {
    hint: 'Wait until the file is completely written (let the exporter write to a temporary name and rename it when done), then ingest again.',
    detail: { file: name },
  });
}

/** Throws unless records = loaded + rejected (a null count means the format cannot count). */
export function checkRecordCount(name: string, records: number | null, loaded: number, rejected: number): void {
  if (records === null || records === loaded + rejected) return;
  const lost = records - loaded - rejected;
  throw new IngotError(
    'INGEST_FAILED',
    `${name} has ${records} records, but DuckDB loaded ${loaded} and rejected ${rejected}: ${Math.abs(lost)} row(s) ${lost > 0 ? 'would be lost' : 'are unaccounted for'}, so nothing of this batch was kept.`,
    {
      hint: 'Check the delimiter, quote and escape options in the source; `ingot preview` shows how the file is read.',
      detail: { file: name, records, loaded, rejected },
    },
  );
}
