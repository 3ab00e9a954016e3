// The pipeline's vocabulary: layers, models (a SQL file plus its sidecar config) and sources
// (bronze tables filled by ingest). A model or source is named `layer.name`, the DuckDB table it
// produces.
import type { ModelConfig } from './model-config.js';

export const LAYERS = ['bronze', 'silver', 'gold'] as const;
export type Layer = (typeof LAYERS)[number];

export interface ModelDef {
  /** `layer.name`, e.g. `silver.stg_orders`. */
  id: string;
  layer: Layer;
  name: string;
  /** Workspace-relative path of the .sql file, for messages. */
  sqlFile: string;
  /** Workspace-relative path of the sidecar, when there is one. */
  sidecarFile: string | undefined;
  sql: string;
  config: ModelConfig;
}

export interface SourceDef {
  /** `bronze.name`. */
  id: string;
  name: string;
  /** Workspace-relative path of the sources/*.yaml file, or undefined for a bronze table found only in the database. */
  file: string | undefined;
}

export interface Project {
  models: ModelDef[];
  sources: SourceDef[];
}

/** The lookup key of a table name: DuckDB resolves identifiers case-insensitively. */
export function tableKey(schema: string, name: string): string {
  return `${schema}.${name}`.toLowerCase();
}

/** Which layers a model of `layer` may read under the layer rule. */
export function readableLayers(layer: Layer): readonly Layer[] {
  if (layer === 'gold') return ['silver', 'gold'];
  if (layer === 'silver') return ['bronze', 'silver'];
  return ['bronze'];
}
