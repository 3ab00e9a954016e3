// Model selection, as on the command line: `name` or `layer.name`, `+name` (with everything
// upstream), `name+` (with everything downstream), `layer:silver`, `tag:finance`, `*`; several
// selectors separated by spaces or commas select the union. Empty selects every model.
import { IngotError } from '../../shared/errors.js';
import type { PipelineGraph } from './graph.js';
import { closest } from '../quality/closest-name.js';
import { LAYERS } from './model.js';

/** Returns the keys of the selected models, in topological order. */
export function selectModels(graph: PipelineGraph, selection: string): string[] {
  const tokens = selection.split(/[\s,]+/).filter((t) => t !== '');
  if (tokens.length === 0) return [...graph.order];
  const chosen = new Set<string>();
  for (const token of tokens) {
    const upstream = token.startsWith('+');
    const downstream = token.endsWith('+') && token.length > 1;
    const core = token.slice(upstream ? 1 : 0, downstream ? -1 : undefined);
    const base = matchSelector(graph, core, token);
    for (const key of base) {
      chosen.add(key);
      if (upstream) for (const k of closure(key, (n) => graph.nodes.get(n)?.inputs.filter((i) => graph.nodes.has(i)) ?? [])) chosen.add(k);
      if (downstream) for (const k of closure(key, (n) => graph.downstream.get(n) ?? [])) chosen.add(k);
    }
  }
  return graph.order.filter((k) => chosen.has(k));
}

function matchSelector(graph: PipelineGraph, core: string, token: string): string[] {
  const all = [...graph.nodes.entries()];
  if (core === '*') return all.map(([k]) => k);
  const [kind, value] = core.includes(':') ? [core.slice(0, core.indexOf(':')), core.slice(core.indexOf(':') + 1)] : ['name', core];
  if (kind === 'layer') {
    if (!(LAYERS as readonly string[]).includes(value.toLowerCase())) {
      throw new IngotError('INVALID_INPUT', `"${token}" names no layer.`, { hint: `Layers are ${LAYERS.join(', ')} (e.g. layer:silver).`, detail: { field: 'selection' } });
    }
    return all.filter(([, n]) => n.def.layer === value.toLowerCase()).map(([k]) => k);
  }
  if (kind === 'tag') {
    const found = all.filter(([, n]) => n.def.config.tags.some((t) => t.toLowerCase() === value.toLowerCase())).map(([k]) => k);
    if (found.length === 0) {
      const tags = [...new Set(all.flatMap(([, n]) => n.def.config.tags))];
      const near = closest(value, tags);
      throw new IngotError('INVALID_INPUT', `No model has the tag "${value}".${near ? ` Did you mean tag:${near}?` : ''}`, {
        hint: 'Tags come from the `tags:` list in each model\'s sidecar .yaml.',
        detail: { field: 'selection' },
      });
    }
    return found;
  }
  if (kind !== 'name') {
    throw new IngotError('INVALID_INPUT', `"${token}" is not a selector.`, {
      hint: 'Use name, layer.name, +name, name+, layer:<layer>, tag:<tag> or *, separated by spaces or commas.',
      detail: { field: 'selection' },
    });
  }
  const wanted = value.toLowerCase();
  const found = all.filter(([k, n]) => k === wanted || n.def.name.toLowerCase() === wanted).map(([k]) => k);
  if (found.length === 0) {
    const isSource = graph.sources.has(wanted) || graph.sources.has(`bronze.${wanted}`);
    // Compare like with like: layer.name with the models' keys, a bare name with their names.
    const near = isSource ? undefined : closest(value, wanted.includes('.') ? all.map(([k]) => k) : all.map(([, n]) => n.def.name));
    throw new IngotError('INVALID_INPUT', `No model named "${value}".${near ? ` Did you mean ${near}?` : ''}`, {
      hint: isSource
        ? `${value} is a source, filled by \`ingot ingest\`; selections name models (e.g. layer:silver).`
        : `Models are models/<layer>/<name>.sql; \`ingot plan\` lists them.`,
      detail: { field: 'selection' },
    });
  }
  return found;
}

function closure(start: string, next: (key: string) => readonly string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...next(start)];
  while (stack.length > 0) {
    const key = stack.pop() as string;
    if (seen.has(key)) continue;
    seen.add(key);
    stack.push(...next(key));
  }
  return seen;
}
