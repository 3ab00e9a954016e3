// Where the records sit in a response: a dotted path (`data.items`) or a JSONPath subset
// (`$`, `.key`, `['key']`, `[0]`, `[*]`, e.g. `$.data[*].events[*]`). When a source sets no
// path, the first array of objects in the first response is used, and the path found is reported.

export type PathStep = { key: string } | { index: number } | { wildcard: true };

export interface RecordsPath {
  /** As the user wrote it (or as Ingot found it), for messages. */
  text: string;
  steps: PathStep[];
}

/** Parses a records path; returns an error sentence instead when it is not valid. */
export function parseRecordsPath(text: string): RecordsPath | string {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === '$') return { text: '$', steps: [] };
  if (!trimmed.startsWith('$')) {
    const keys = trimmed.split('.');
    if (keys.some((k) => k === '')) return `"${text}" has an empty key; write keys separated by dots, e.g. data.items`;
    return { text: trimmed, steps: keys.map((key) => ({ key })) };
  }
  const steps: PathStep[] = [];
  const token = /\.([A-Za-z_$][\w$-]*)|\.\*|\[\*\]|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]|\["((?:[^"\\]|\\.)*)"\]/y;
  let pos = 1;
  while (pos < trimmed.length) {
    token.lastIndex = pos;
    const m = token.exec(trimmed);
    if (!m) return `"${text}" is not a supported path at character ${pos + 1}: use $.key, $['key'], [0] or [*]`;
    if (m[1] !== undefined) steps.push({ key: m[1] });
    else if (m[2] !== undefined) steps.push({ index: Number(m[2]) });
    else if (m[3] !== undefined) steps.push({ key: m[3].replace(/\\(.)/g, '$1') });
    else if (m[4] !== undefined) steps.push({ key: m[4].replace(/\\(.)/g, '$1') });
    else steps.push({ wildcard: true });
    pos = token.lastIndex;
  }
  return { text: trimmed, steps };
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The records `path` selects in `doc`, or undefined when a key or index along it is missing.
 * An array at the end is expanded into its elements; null at the end means no records.
 */
export function selectRecords(doc: unknown, path: RecordsPath): unknown[] | undefined {
  let values: unknown[] = [doc];
  for (const step of path.steps) {
    const next: unknown[] = [];
    for (const v of values) {
      if ('wildcard' in step) {
        if (Array.isArray(v)) next.push(...v);
        else if (isObject(v)) next.push(...Object.values(v));
      } else if ('index' in step) {
        if (Array.isArray(v) && step.index < v.length) next.push(v[step.index]);
      } else if (isObject(v) && step.key in v) {
        next.push(v[step.key]);
      }
    }
    if (next.length === 0 && !('wildcard' in step)) return undefined;
    values = next;
  }
  const last = path.steps[path.steps.length - 1];
  if (last && 'wildcard' in last) return values.filter((v) => v !== null);
  if (values.length === 1 && Array.isArray(values[0])) return values[0];
  return values.flatMap((v) => (v === null ? [] : Array.isArray(v) ? v : [v]));
}

/** The records path of the first array of objects in `doc` (breadth-first), else of its first array. */
export function findRecordsPath(doc: unknown): RecordsPath | undefined {
  if (Array.isArray(doc)) return { text: '$', steps: [] };
  let firstArray: string[] | undefined;
  let level: { keys: string[]; value: unknown }[] = [{ keys: [], value: doc }];
  for (let depth = 0; depth < 6 && level.length > 0; depth++) {
    const next: typeof level = [];
    for (const { keys, value } of level) {
      if (!isObject(value)) continue;
      for (const [k, v] of Object.entries(value)) {
        const path = [...keys, k];
        if (Array.isArray(v)) {
          if (v.length > 0 && isObject(v[0])) return fromKeys(path);
          firstArray ??= path;
        } else if (isObject(v)) {
          next.push({ keys: path, value: v });
        }
      }
    }
    level = next;
  }
  return firstArray && fromKeys(firstArray);
}

function fromKeys(keys: readonly string[]): RecordsPath {
  const plain = keys.every((k) => /^[A-Za-z_$][\w$-]*$/.test(k));
  const text = plain ? keys.join('.') : '$' + keys.map((k) => `['${k.replace(/['\\]/g, '\\$&')}']`).join('');
  return { text, steps: keys.map((key) => ({ key })) };
}

/** The top-level keys of a response, for "matches nothing" messages. */
export function topLevelKeys(doc: unknown): string {
  if (Array.isArray(doc)) return `(the response is an array of ${doc.length})`;
  if (!isObject(doc)) return `(the response is ${doc === null ? 'null' : typeof doc})`;
  const keys = Object.keys(doc);
  return keys.length === 0 ? '(none: the response is an empty object)' : keys.slice(0, 30).join(', ') + (keys.length > 30 ? ', …' : '');
}

/** The value at a dotted path (`meta.next_cursor`), or undefined. */
export function valueAt(doc: unknown, dotted: string): unknown {
  let v: unknown = doc;
  for (const key of dotted.split('.')) {
    if (!isObject(v)) return undefined;
    v = v[key];
  }
  return v;
}
