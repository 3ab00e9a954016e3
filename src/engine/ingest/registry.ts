// The source-kind registry. A kind (file, http, …) says how its sources/<name>.yaml looks, how
// to preview its data, and how to land one batch into bronze. A new kind is one new file plus
// one line in kinds.ts; ingest, preview and listing find it here by name.
import type { z } from 'zod';
import { IngotError } from '../../shared/errors.js';
import type { LandContext, LandOutcome, PreviewContext } from './land-context.js';
import type { SourceBase } from './source-schema.js';
import type { PreviewResult } from './types.js';

export interface SourceKind<S extends SourceBase = SourceBase> {
  readonly kind: string;
  /** Validates a whole sources/<name>.yaml of this kind (spread SourceBaseShape into it). */
  readonly schema: z.ZodType<S>;
  /** Where the data comes from, for listings: a path, glob or URL. */
  location(source: S): string;
  /** Shows the data (columns and the first rows) without loading it. */
  preview(ctx: PreviewContext, source: S): Promise<PreviewResult>;
  /** Lands one batch through `ctx.bronze`, inside the batch's transaction. */
  land(ctx: LandContext, source: S): Promise<LandOutcome>;
  /** For a load that found nothing new although the YAML changed: what the changed options reach, and how to apply them to what is loaded. */
  readonly changedOptionsReach: string;
}

const kinds = new Map<string, SourceKind>();

/** Adds a kind; registering the same name twice is a programming error. */
export function registerSourceKind<S extends SourceBase>(kind: SourceKind<S>): void {
  if (kinds.has(kind.kind)) throw new Error(`source kind "${kind.kind}" is registered twice`);
  kinds.set(kind.kind, kind as unknown as SourceKind);
}

export function sourceKind(name: string): SourceKind {
  const found = kinds.get(name);
  if (!found) {
    throw new IngotError('INVALID_INPUT', `Unknown source kind "${name}".`, { hint: `Use one of: ${sourceKindNames().join(', ')}.` });
  }
  return found;
}

export function sourceKindNames(): string[] {
  return [...kinds.keys()];
}
