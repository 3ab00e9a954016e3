// Picks the tables `ingot check [selection]` evaluates: `*` (all), `orders` (that name in any
// layer), `silver.orders`, `layer:silver`, `tag:finance`; several selectors add up. Graph
// operators (`+name`) belong to `ingot run`; here they select just the named table.
import { IngotError } from '../../shared/errors.js';
import type { DeclaredChecks } from './declared-checks.js';

function matches(d: DeclaredChecks, selector: string): boolean {
  const s = selector.replace(/^\+|\+$/g, '').toLowerCase();
  if (s === '*' || s === '') return true;
  if (s.startsWith('layer:')) return d.layer.toLowerCase() === s.slice(6);
  if (s.startsWith('tag:')) return d.tags.some((t) => t.toLowerCase() === s.slice(4));
  if (s.includes('.')) return `${d.layer}.${d.model}`.toLowerCase() === s;
  return d.model.toLowerCase() === s;
}

/** The declared tables matching any selector (all when none); a selector matching nothing is an error. */
export function selectTargets(declared: readonly DeclaredChecks[], selectors: readonly string[]): DeclaredChecks[] {
  const list = selectors.flatMap((s) => s.split(/[\s,]+/)).filter((s) => s !== '');
  if (list.length === 0) return [...declared];
  for (const s of list) {
    if (!declared.some((d) => matches(d, s))) {
      const names = declared.map((d) => `${d.layer}.${d.model}`);
      throw new IngotError('NOT_FOUND', `No table with checks matches "${s}".`, {
        hint: names.length > 0 ? `Tables with checks: ${names.join(', ')}.` : 'No model sidecar or source declares `checks:` yet.',
      });
    }
  }
  return declared.filter((d) => list.some((s) => matches(d, s)));
}
