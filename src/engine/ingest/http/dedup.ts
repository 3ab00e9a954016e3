// Keeps one row per primary key in bronze when an API delivers a record more than once. Bronze
// stays a sequence of append-only batches, and a re-delivered record is represented once, by its
// newest version, in the batch that brought that version:
//   1. within the batch, only the newest delivery of a key is kept (newest by the cursor field,
//      then the later delivery);
//   2. a record bronze already holds in the same or a newer version (same key, cursor not newer)
//      is dropped from the batch;
//   3. rows of earlier batches whose key the batch brings in a newer version are deleted.
// All inside the batch's transaction, so a failed load changes nothing. Records without a key
// are kept as they are. Without a cursor field a later delivery always wins.
import type { SqlConnection } from '../../db/connection.js';
import { ident, sqlValue } from '../../db/sql.js';

export interface DedupCounts {
  /** Deliveries of a key within this batch beyond the newest. */
  duplicates: number;
  /** Records bronze already held in the same or a newer version. */
  alreadyPresent: number;
  /** Rows of earlier batches replaced by a newer version. */
  superseded: number;
  /** Records whose key is missing (kept, not deduplicated). */
  withoutKey: number;
}

export async function dedupBatch(conn: SqlConnection, table: string, batchId: number, key: readonly string[], cursorField: string | undefined, earlierBatches: boolean): Promise<DedupCounts> {
  const b = sqlValue(batchId);
  const keys = key.map(ident);
  const hasKey = (alias = ''): string => keys.map((k) => `${alias}${k} IS NOT NULL`).join(' AND ');
  const sameKey = (l: string, r: string): string => keys.map((k) => `${l}.${k} = ${r}.${k}`).join(' AND ');
  const cursor = cursorField !== undefined ? ident(cursorField) : undefined;
  const count = async (sql: string): Promise<number> => Number((await conn.one<{ n: number }>(sql))?.n ?? 0);

  const withoutKey = await count(`SELECT count(*)::BIGINT AS n FROM ${table} WHERE _batch_id = ${b} AND NOT (${hasKey()})`);
  let duplicates = await count(
    `SELECT (count(*) - count(DISTINCT (${keys.join(', ')})))::BIGINT AS n FROM ${table} WHERE _batch_id = ${b} AND ${hasKey()}`,
  );
  if (duplicates > 0) {
    const order = [...(cursor ? [`${cursor} DESC NULLS LAST`] : []), 'rowid DESC'].join(', ');
    duplicates = await conn.run(
      `DELETE FROM ${table} WHERE rowid IN (
         SELECT rowid FROM (SELECT rowid, row_number() OVER (PARTITION BY ${keys.join(', ')} ORDER BY ${order}) AS rn
                            FROM ${table} WHERE _batch_id = ${b} AND ${hasKey()})
         WHERE rn > 1)`,
    );
  }
  let alreadyPresent = 0;
  let superseded = 0;
  if (earlierBatches) {
    if (cursor) {
      alreadyPresent = await conn.run(
        `DELETE FROM ${table} WHERE rowid IN (
           SELECT n.rowid FROM ${table} AS n JOIN ${table} AS o ON ${sameKey('o', 'n')}
           WHERE n._batch_id = ${b} AND o._batch_id <> ${b} AND o.${cursor} >= n.${cursor})`,
      );
    }
    superseded = await conn.run(
      `DELETE FROM ${table} WHERE _batch_id <> ${b} AND (${keys.join(', ')}) IN (SELECT ${keys.join(', ')} FROM ${table} WHERE _batch_id = ${b})`,
    );
  }
  return { duplicates, alreadyPresent, superseded, withoutKey };
}

/** One sentence for the load's warnings, or undefined when nothing was deduplicated. */
export function dedupSummary(counts: DedupCounts, key: readonly string[]): string | undefined {
  const parts: string[] = [];
  const k = key.join(', ');
  if (counts.duplicates > 0) parts.push(`${counts.duplicates} record(s) delivered more than once in this load were kept once (newest version) on ${k}`);
  if (counts.alreadyPresent > 0) parts.push(`${counts.alreadyPresent} record(s) were already in bronze in the same or a newer version and were not added again`);
  if (counts.superseded > 0) parts.push(`${counts.superseded} older row(s) of earlier batches were replaced by their newer version`);
  if (counts.withoutKey > 0) parts.push(`${counts.withoutKey} record(s) have no ${k} and were kept without deduplication`);
  return parts.length > 0 ? `${parts.join('; ')}.` : undefined;
}
