// Fingerprints for change detection. The SQL part hashes DuckDB's parse tree without source
// positions, so reformatting or editing comments does not rebuild a model; the config part
// hashes only the settings that change the data (not description, owner or docs).
import { createHash } from 'node:crypto';
import type { ModelConfig } from './model-config.js';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** Hash of a parse tree (from `analyzeSql`) without query locations. */
export function sqlHash(tree: string): string {
  return sha256(JSON.stringify(JSON.parse(tree), (key, value: unknown) => (key === 'query_location' ? undefined : value)));
}

export function configHash(config: ModelConfig): string {
  const { materialization, unique_key, partition_by, checks } = config;
  return sha256(JSON.stringify({ materialization, unique_key: unique_key ?? null, partition_by: partition_by ?? null, checks }));
}

/** The model's fingerprint: its SQL, its config and the versions of everything it reads. */
export function modelFingerprint(sql: string, config: string, inputs: Record<string, string>): string {
  const sorted = Object.keys(inputs)
    .sort()
    .map((k) => [k, inputs[k]]);
  return sha256(JSON.stringify([sql, config, sorted]));
}
