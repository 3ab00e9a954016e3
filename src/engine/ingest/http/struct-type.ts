// Reads DuckDB STRUCT type strings (`STRUCT("id" BIGINT, "address" STRUCT("city" VARCHAR))`) into
// their fields, so `flatten: true` can turn nested objects into columns with SQL.
import type { ColumnInfo } from '../../db/connection.js';

/** The fields of a STRUCT type, or undefined when `type` is not a STRUCT (lists of structs stay whole). */
export function structFields(type: string): ColumnInfo[] | undefined {
  const t = type.trim();
  if (!/^STRUCT\s*\(/i.test(t) || !t.endsWith(')')) return undefined;
  const inner = t.slice(t.indexOf('(') + 1, -1);
  if (!balanced(inner)) return undefined;
  return splitTopLevel(inner).map(field);
}

function balanced(text: string): boolean {
  let depth = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '(') depth++;
    else if (!quoted && ch === ')' && --depth < 0) return false;
  }
  return depth === 0 && !quoted;
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '(') depth++;
    else if (!quoted && ch === ')') depth--;
    else if (!quoted && depth === 0 && ch === ',') {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts.filter((p) => p.length > 0);
}

function field(part: string): ColumnInfo {
  if (part.startsWith('"')) {
    let i = 1;
    let name = '';
    while (i < part.length) {
      if (part[i] === '"' && part[i + 1] === '"') {
        name += '"';
        i += 2;
      } else if (part[i] === '"') {
        break;
      } else {
        name += part[i];
        i++;
      }
    }
    return { name, type: part.slice(i + 1).trim() };
  }
  const space = part.search(/\s/);
  return { name: part.slice(0, space), type: part.slice(space + 1).trim() };
}
