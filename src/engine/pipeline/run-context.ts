// The state one run shares between its model builds: the graph and plan, settings, the abort
// signal, the event sink, and every model staged or published so far in the run.
import type { Database, SqlConnection } from '../db/connection.js';
import type { PipelineEvent } from './events.js';
import type { ModelQuality } from './events.js';
import type { PipelineGraph } from './graph.js';
import type { ModelDef } from './model.js';
import type { Plan } from './plan.js';

export interface RunContext {
  db: Database;
  runId: number;
  graph: PipelineGraph;
  plan: Plan;
  atomicPublish: boolean;
  signal: AbortSignal | undefined;
  emit: (event: PipelineEvent) => void;
  /** Models built in this run so far, by key. */
  built: Map<string, StagedModel>;
}

/** A model whose new content is computed; `publish` makes it visible under its own name. */
export interface StagedModel {
  key: string;
  def: ModelDef;
  /** full: the stage holds the whole new table; incremental/backfill: the stage holds the new rows of the affected keys. */
  mode: 'full' | 'incremental' | 'backfill' | 'view';
  /** Name (in the layer schema) of the staged table or view, if any. */
  stage: string | undefined;
  /** Name (in the layer schema) of the affected-keys table of an incremental or backfill build. */
  affected: string | undefined;
  /** Name (in the layer schema) of the table holding the published rows of the affected keys, when readers need them. */
  oldRows: string | undefined;
  keyColumns: string[];
  /** Whether the affected keys hold a NULL in some key column (see keyComparison in incremental.ts). */
  nullKeys: boolean;
  published: boolean;
  rowsIn: number | null;
  rowsOut: number | null;
  bytes: number | null;
  fingerprint: string;
  quality: ModelQuality | null;
  reasons: string[];
  /** Makes the new content visible and records the model's state; runs inside `tx`'s transaction. */
  publish(tx: SqlConnection): Promise<void>;
  /** Drops the staged tables without publishing. */
  discard(conn: SqlConnection): Promise<void>;
}
