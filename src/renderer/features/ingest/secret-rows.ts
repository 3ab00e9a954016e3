// The rows of the Secrets panel: one per secret name the workspace's HTTP sources use (a name
// several sources share is one row), with the sources and fields that name it and its status.
import type { ListSecretsResult, SecretOrigin } from '../../../shared/api/index.js';

export interface SecretRow {
  name: string;
  /** "orders (auth.token_secret)", one per source that names it. */
  usedBy: string[];
  origin: SecretOrigin | null;
  saved: boolean;
}

export function secretRows(list: ListSecretsResult): SecretRow[] {
  const rows = new Map<string, SecretRow>();
  for (const source of list.sources) {
    for (const s of source.secrets) {
      const row = rows.get(s.name) ?? { name: s.name, usedBy: [], origin: s.origin, saved: s.saved };
      row.usedBy.push(`${source.source} (${s.field})`);
      rows.set(s.name, row);
    }
  }
  return [...rows.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** What the status cell says: where the value comes from, or that it is missing. */
export function secretStatusText(row: Pick<SecretRow, 'name' | 'origin' | 'saved'>): string {
  if (row.origin === 'environment') return row.saved ? `set by the environment variable ${row.name}, which wins over the saved value` : `set by the environment variable ${row.name}`;
  if (row.origin === 'saved') return 'set (saved)';
  return 'not set';
}
