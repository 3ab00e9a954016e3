// Table-level lineage: from what each table reads, what reads it, and everything upstream and
// downstream of it. Pure: the pipeline hands in its edges, so lineage knows nothing of models.

export interface Lineage {
  reads: string[];
  readBy: string[];
  /** Every table it depends on, nearest first. */
  upstream: string[];
  /** Every table that depends on it, nearest first. */
  downstream: string[];
}

/** Lineage of every table named in `reads` (table → the tables it reads), keys as given. */
export function computeLineage(reads: ReadonlyMap<string, readonly string[]>): Map<string, Lineage> {
  const readBy = new Map<string, string[]>();
  const tables = new Set<string>();
  for (const [table, inputs] of reads) {
    tables.add(table);
    for (const input of inputs) {
      tables.add(input);
      const readers = readBy.get(input) ?? [];
      if (!readers.includes(table)) readers.push(table);
      readBy.set(input, readers);
    }
  }
  const out = new Map<string, Lineage>();
  for (const table of [...tables].sort()) {
    out.set(table, {
      reads: [...(reads.get(table) ?? [])],
      readBy: [...(readBy.get(table) ?? [])].sort(),
      upstream: walk(table, (t) => reads.get(t) ?? []),
      downstream: walk(table, (t) => readBy.get(t) ?? []),
    });
  }
  return out;
}

/** Breadth-first from `start` (excluded), each table once, so cycles end. */
function walk(start: string, next: (table: string) => readonly string[]): string[] {
  const seen = new Set<string>([start]);
  const order: string[] = [];
  let frontier = [start];
  while (frontier.length > 0) {
    const following: string[] = [];
    for (const table of frontier) {
      for (const n of [...next(table)].sort()) {
        if (seen.has(n)) continue;
        seen.add(n);
        order.push(n);
        following.push(n);
      }
    }
    frontier = following;
  }
  return order;
}
