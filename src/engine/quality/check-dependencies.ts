// The tables a model's checks read besides the model itself (relationships targets), so the
// pipeline can build them first. Parses leniently: a bad declaration is reported by the gate.
import { CHECK_SCHEMAS } from './check-schema.js';

/** `layer.table` names read by the relationships checks of a raw `checks:` list. */
export function checkDependencies(checks: readonly unknown[]): string[] {
  const out = new Set<string>();
  for (const c of checks) {
    const parsed = CHECK_SCHEMAS.relationships.safeParse(c);
    if (parsed.success && parsed.data.kind === 'relationships') out.add(parsed.data.to.toLowerCase());
  }
  return [...out];
}
