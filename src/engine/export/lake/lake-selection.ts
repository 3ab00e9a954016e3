// Which tables `ingot export parquet --select …` means: the selection language of `ingot run`
// (name, layer.name, +name, name+, layer:x, tag:x, *), plus bronze sources, which a run never
// selects but a lake can hold: named directly (`orders`, `bronze.orders`; a plain name picks the
// source and a model of that name, if there is one), or read by a model selected with its
// upstream (`+fact_sales`).
import type { PipelineGraph } from '../../pipeline/graph.js';
import { tableKey } from '../../pipeline/model.js';
import { selectModels } from '../../pipeline/selection.js';

/** Keys (`layer.name`, lower case) of the models and sources `selection` picks; all of them when it is empty. */
export function selectLakeTables(graph: PipelineGraph, selection: string): Set<string> {
  const tokens = selection.split(/[\s,]+/).filter((t) => t !== '');
  if (tokens.length === 0) return new Set([...graph.nodes.keys(), ...graph.sources.keys()]);
  const chosen = new Set<string>();
  for (const token of tokens) {
    const source = sourceNamed(graph, token);
    if (source !== undefined) chosen.add(source);
    if (source !== undefined && !modelNamed(graph, token)) continue;
    for (const key of selectModels(graph, token)) {
      chosen.add(key);
      if (!token.startsWith('+')) continue;
      for (const input of graph.nodes.get(key)?.inputs ?? []) if (graph.sources.has(input)) chosen.add(input);
    }
  }
  return chosen;
}

/** The source a token names (`orders` or `bronze.orders`). */
function sourceNamed(graph: PipelineGraph, token: string): string | undefined {
  const wanted = token.toLowerCase();
  const key = wanted.includes('.') ? wanted : tableKey('bronze', wanted);
  return graph.sources.has(key) ? key : undefined;
}

/** Whether a model is named `token` (`name` or `layer.name`). */
function modelNamed(graph: PipelineGraph, token: string): boolean {
  const wanted = token.toLowerCase();
  return [...graph.nodes.entries()].some(([key, n]) => key === wanted || n.def.name.toLowerCase() === wanted);
}
