// Small lexical steps on SQL text that the parser does not give back: where a table name that
// DuckDB located ends (`bronze . "Orders"` spans several tokens), a trailing semicolon (dbt wraps
// a model in `create table … as (…)`), and escaping text so Jinja leaves it alone. Finding the
// references themselves is DuckDB's job (see pipeline/sql-refs.ts); this only measures them.

/** The dotted name starting at `position`: its parts (unquoted) and the offset just after it. */
export function nameAt(sql: string, position: number): { parts: string[]; end: number } {
  const parts: string[] = [];
  let i = position;
  for (;;) {
    const part = identifierAt(sql, i);
    if (part === undefined) break;
    parts.push(part.value);
    i = part.end;
    const next = skipTrivia(sql, i);
    if (sql[next] !== '.') break;
    i = skipTrivia(sql, next + 1);
  }
  return { parts, end: i };
}

/** `sql` without a semicolon ending its (only) statement; comments after it are kept. */
export function withoutTrailingSemicolon(sql: string): string {
  let last = -1;
  for (let i = 0; i < sql.length; ) {
    const skipped = skipQuotedOrComment(sql, i);
    if (skipped > i) {
      if (!startsComment(sql, i)) last = skipped - 1;
      i = skipped;
      continue;
    }
    if (!/\s/.test(sql[i] ?? '')) last = i;
    i++;
  }
  return last >= 0 && sql[last] === ';' ? withoutTrailingSemicolon(sql.slice(0, last) + sql.slice(last + 1)) : sql;
}

/** `text` with every Jinja opener (`{{`, `{%`, `{#`) written as a Jinja string, so dbt prints it as is. */
export function escapeJinja(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const pair = text.slice(i, i + 2);
    if (pair === '{{' || pair === '{%' || pair === '{#') {
      out += `{{ '${pair}' }}`;
      i++;
    } else {
      out += text[i];
    }
  }
  return out;
}

/** A Jinja string literal: `it's` → `'it\'s'`. */
export function jinjaString(value: string): string {
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

function identifierAt(sql: string, i: number): { value: string; end: number } | undefined {
  if (sql[i] === '"') {
    let value = '';
    for (let j = i + 1; j < sql.length; j++) {
      if (sql[j] !== '"') value += sql[j];
      else if (sql[j + 1] === '"') value += sql[++j];
      else return { value, end: j + 1 };
    }
    return undefined;
  }
  const bare = /^[\p{L}_][\p{L}\p{N}_$]*/u.exec(sql.slice(i));
  return bare ? { value: bare[0], end: i + bare[0].length } : undefined;
}

function skipTrivia(sql: string, i: number): number {
  for (;;) {
    while (i < sql.length && /\s/.test(sql[i] ?? '')) i++;
    if (!startsComment(sql, i)) return i;
    i = skipQuotedOrComment(sql, i);
  }
}

function startsComment(sql: string, i: number): boolean {
  return sql.startsWith('--', i) || sql.startsWith('/*', i);
}

/** The offset after the string, quoted identifier or comment starting at `i`; `i` when none starts there. */
function skipQuotedOrComment(sql: string, i: number): number {
  if (sql.startsWith('--', i)) {
    const end = sql.indexOf('\n', i);
    return end < 0 ? sql.length : end + 1;
  }
  if (sql.startsWith('/*', i)) {
    // Block comments nest in DuckDB, as in PostgreSQL.
    let depth = 0;
    for (let j = i; j < sql.length; j++) {
      const pair = sql.slice(j, j + 2);
      if (pair !== '/*' && pair !== '*/') continue;
      depth += pair === '/*' ? 1 : -1;
      if (depth === 0) return j + 2;
      j++;
    }
    return sql.length;
  }
  const c = sql[i];
  if (c === "'" || c === '"') {
    const escapes = c === "'" && /[eE]/.test(sql[i - 1] ?? '') && !/[\p{L}\p{N}_]/u.test(sql[i - 2] ?? '');
    for (let j = i + 1; j < sql.length; j++) {
      if (escapes && sql[j] === '\\') j++;
      else if (sql[j] === c && sql[j + 1] === c) j++;
      else if (sql[j] === c) return j + 1;
    }
    return sql.length;
  }
  if (c === '$') {
    const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i))?.[0];
    if (tag === undefined) return i;
    const end = sql.indexOf(tag, i + tag.length);
    return end < 0 ? sql.length : end + tag.length;
  }
  return i;
}
