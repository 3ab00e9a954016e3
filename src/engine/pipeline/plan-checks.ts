// Validates the `checks:` of every model while planning, with the quality layer's own parser (the
// one a run's quality gate uses), so `ingot plan` stops on a badly declared check with its file and
// line, as it stops on a bad `materialization:`, instead of planning a rebuild that cannot pass.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { locateChecks, parseChecks } from '../quality/index.js';
import type { PipelineGraph } from './graph.js';

/** Throws MODEL_INVALID (file:line, check) for the first model whose checks are badly declared. */
export async function validateModelChecks(root: string, graph: PipelineGraph): Promise<void> {
  for (const { def } of graph.nodes.values()) {
    if (def.config.checks.length === 0) continue;
    const text = def.sidecarFile !== undefined ? await readFile(join(root, def.sidecarFile), 'utf8').catch(() => undefined) : undefined;
    parseChecks(def.config.checks, {
      file: def.sidecarFile ?? def.sqlFile,
      layer: def.layer,
      model: def.name,
      ...(text !== undefined ? { positions: locateChecks(text) } : {}),
    });
  }
}
