// Reads a workspace YAML file and validates it with a zod schema; every problem is reported
// with the file, the line and the field, so the user can jump straight to it.
import { readFile } from 'node:fs/promises';
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { IngotError } from '../../shared/errors.js';

/** Parses YAML text and validates it; `file` is used in messages only. */
export function parseYaml<S extends z.ZodType>(text: string, schema: S, file: string): z.output<S> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const pos = lineCounter.linePos(yamlError.pos[0]);
    throw new IngotError('WORKSPACE_INVALID', `${file}:${pos.line}: invalid YAML: ${yamlError.message.split('\n')[0]}`, {
      hint: 'Fix the YAML syntax at that line (indentation, a missing colon, or an unclosed quote).',
      detail: { file, line: pos.line, column: pos.col },
    });
  }
  const value: unknown = doc.toJS() ?? {};
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = (issue?.path ?? []).map((p) => (typeof p === 'symbol' ? String(p) : p));
  // An unknown key is reported at its own line, named, rather than at its parent object.
  const unknownKey = issue?.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  if (unknownKey !== undefined) path.push(unknownKey);
  const node = nodeAt(doc.contents, path, unknownKey !== undefined);
  const offset = node?.range?.[0] ?? 0;
  const { line, col } = lineCounter.linePos(offset);
  const field = path.length > 0 ? path.join('.') : '(top level)';
  const problem = unknownKey !== undefined ? 'unknown field' : (issue?.message ?? 'invalid value');
  throw new IngotError('WORKSPACE_INVALID', `${file}:${line}: ${field}: ${problem}`, {
    hint: `Fix the field "${field}" in ${file}.`,
    detail: { file, line, column: col, field },
  });
}

/** The line of the value at `path` in YAML `text` (its parent's line when the key is missing), or undefined. */
export function lineOfPath(text: string, path: readonly (string | number)[]): number | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) return undefined;
  const offset = nodeAt(doc.contents, path)?.range?.[0];
  return offset === undefined ? undefined : lineCounter.linePos(offset).line;
}

/** Reads and validates a YAML file from disk. */
export async function loadYamlFile<S extends z.ZodType>(path: string, schema: S, displayName = path): Promise<z.output<S>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new IngotError('NOT_FOUND', `Cannot read ${displayName}: ${(err as Error).message}`, {
      hint: 'Check that the file exists and is readable.',
      detail: { file: displayName },
    });
  }
  return parseYaml(text, schema, displayName);
}

/** The deepest YAML node along `path` (a missing key points at its parent map). */
function nodeAt(root: unknown, path: readonly (string | number)[], atKey = false): YamlNode | undefined {
  let node = root as YamlNode | undefined;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
      if (!pair) return node;
      const last = key === path[path.length - 1];
      const next = (atKey && last ? pair.key : (pair.value ?? pair.key)) as YamlNode | undefined;
      if (!next) return node;
      node = next;
    } else if (isSeq(node) && typeof key === 'number') {
      const next = node.items[key] as YamlNode | undefined;
      if (!next) return node;
      node = next;
    } else {
      return node;
    }
  }
  return node;
}
