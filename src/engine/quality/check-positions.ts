// Finds where each item of a YAML `checks:` list is written, so a bad check can be reported
// with its line and the line of the offending field. Reads the text with the same YAML parser
// as the workspace loader.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';

/** Line of a check's list item and of each of its fields (1-based). */
export interface CheckPosition {
  line: number;
  fields: Record<string, number>;
}

/** Positions of the items of the list at `path` (default `checks`) in a YAML text; [] if there is none. */
export function locateChecks(text: string, path: readonly string[] = ['checks']): CheckPosition[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  let node: unknown = doc.contents;
  for (const key of path) {
    if (!isMap(node)) return [];
    const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
    node = pair?.value;
  }
  if (!isSeq(node)) return [];
  const lineOf = (n: YamlNode | null | undefined): number => lineCounter.linePos(n?.range?.[0] ?? 0).line;
  return node.items.map((item) => {
    const fields: Record<string, number> = {};
    if (isMap(item)) {
      for (const p of item.items) {
        if (isScalar(p.key)) fields[String(p.key.value)] = lineOf(p.key);
      }
    }
    return { line: lineOf(item as YamlNode), fields };
  });
}
