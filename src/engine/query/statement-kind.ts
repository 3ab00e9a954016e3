// Names a user's statement the way it was written and finds what it is before binding, for the
// read-only guard (statements.ts). DuckDB decides what a statement does (its statement type, its
// parse tree); the leading keyword of the text only names it — INSTALL, not LOAD; CHECKPOINT, not
// CALL — and finds the table function a CALL runs, which DuckDB's parser then reads.
import type { SqlConnection } from '../db/connection.js';

/**
 * Table functions that only read (catalog listings, sizes, versions): `CALL f(…)` of one of these
 * is a query. Any other CALL is refused, since a called function may write (checkpoint, …).
 */
const READ_ONLY_CALLS = new Set([
  'pragma_collations',
  'pragma_database_size',
  'pragma_metadata_info',
  'pragma_platform',
  'pragma_show',
  'pragma_storage_info',
  'pragma_table_info',
  'pragma_user_agent',
  'pragma_version',
  'duckdb_columns',
  'duckdb_constraints',
  'duckdb_databases',
  'duckdb_dependencies',
  'duckdb_extensions',
  'duckdb_functions',
  'duckdb_indexes',
  'duckdb_keywords',
  'duckdb_memory',
  'duckdb_optimizers',
  'duckdb_schemas',
  'duckdb_sequences',
  'duckdb_settings',
  'duckdb_tables',
  'duckdb_temporary_files',
  'duckdb_types',
  'duckdb_variables',
  'duckdb_views',
]);

/** Leading keywords of statements that change the workspace or the session. */
const WRITING_KEYWORDS = new Set([
  'ABORT', 'ALTER', 'ANALYZE', 'ATTACH', 'BEGIN', 'CHECKPOINT', 'COMMENT', 'COMMIT', 'COPY', 'CREATE', 'DEALLOCATE', 'DELETE', 'DETACH', 'DROP',
  'END', 'EXECUTE', 'EXPORT', 'FORCE', 'IMPORT', 'INSERT', 'INSTALL', 'LOAD', 'MERGE', 'PREPARE', 'RESET', 'ROLLBACK', 'SET', 'START', 'TRUNCATE',
  'UPDATE', 'USE', 'VACUUM',
]);

/** Statements named by their first two words. */
const TWO_WORD_NAMES = new Set(['FORCE CHECKPOINT', 'UPDATE EXTENSIONS']);

/** Leading keywords under which DuckDB's type name reads better than the keyword. */
const UNNAMED_KEYWORDS = new Set(['WITH']);

interface Keyword {
  /** The keyword in upper case. */
  word: string;
  /** Offset just past it in the text. */
  end: number;
}

/** The first word of `sql` after blanks, comments and opening parentheses; undefined if there is none. */
export function leadingKeyword(sql: string): Keyword | undefined {
  let i = 0;
  let depth = 0;
  while (i < sql.length) {
    const c = sql[i] as string;
    if (/\s|\(/.test(c)) {
      i++;
    } else if (sql.startsWith('--', i)) {
      const eol = sql.indexOf('\n', i);
      i = eol === -1 ? sql.length : eol + 1;
    } else if (sql.startsWith('/*', i)) {
      depth = 1;
      i += 2;
      while (i < sql.length && depth > 0) {
        if (sql.startsWith('/*', i)) {
          depth++;
          i += 2;
        } else if (sql.startsWith('*/', i)) {
          depth--;
          i += 2;
        } else {
          i++;
        }
      }
    } else {
      break;
    }
  }
  const word = /^[A-Za-z_]+/.exec(sql.slice(i))?.[0];
  return word === undefined ? undefined : { word: word.toUpperCase(), end: i + word.length };
}

/** What to call a statement of DuckDB type `type` whose text is `sql`: "an INSTALL statement", "a CHECKPOINT statement". */
export function statementName(sql: string, type: string | undefined): string {
  const keyword = leadingKeyword(sql);
  let name: string | undefined;
  if (keyword && !UNNAMED_KEYWORDS.has(keyword.word)) {
    const next = leadingKeyword(sql.slice(keyword.end))?.word;
    name = TWO_WORD_NAMES.has(`${keyword.word} ${next ?? ''}`) ? `${keyword.word} ${next ?? ''}` : keyword.word;
  } else if (type !== undefined && type !== 'UNKNOWN' && type !== 'INVALID') {
    name = type.replaceAll('_', ' ');
  }
  if (name === undefined) return 'this statement';
  // "An UPDATE", "an INSERT", but "a USE" (said "yoose").
  return `${/^(?:[AEIO]|U(?!S))/.test(name) ? 'an' : 'a'} ${name} statement`;
}

/**
 * For `sql`, one statement that DuckDB parsed but could not bind: whether it is a statement that
 * writes, judged from the parser (json_serialize_sql serializes queries only) and its leading
 * keyword. Queries, EXPLAIN, PIVOT, PRAGMAs and CALLs of read-only functions are not.
 */
export async function writesWhenUnbound(conn: SqlConnection, sql: string): Promise<boolean> {
  if (await isQuery(conn, sql)) return false;
  const word = leadingKeyword(sql)?.word;
  if (word === undefined) return false;
  if (word === 'CALL') return !isReadOnlyFunction(await calledFunction(conn, sql));
  // WITH … INSERT/UPDATE/DELETE: a WITH that is not a query writes.
  return WRITING_KEYWORDS.has(word) || word === 'WITH';
}

/** Whether the table function `name` (as calledFunction returns it) only reads. */
export function isReadOnlyFunction(name: string | undefined): boolean {
  return name !== undefined && READ_ONLY_CALLS.has(name);
}

/**
 * The table function that `sql`, a `CALL f(…)` statement, runs — in lower case, qualified as written
 * (`main.` dropped) — as DuckDB's parser reads the call; undefined for other statements.
 */
export async function calledFunction(conn: SqlConnection, sql: string): Promise<string | undefined> {
  const keyword = leadingKeyword(sql);
  if (keyword?.word !== 'CALL') return undefined;
  // `CALL f(args)` runs the same table function as `SELECT * FROM f(args)`, which the parser can serialize.
  const tree = await serialize(conn, `SELECT * FROM ${sql.slice(keyword.end)}`);
  const statements = tree?.statements;
  if (!Array.isArray(statements) || statements.length !== 1) return undefined;
  const from = (statements[0] as { node?: { from_table?: { type?: unknown; function?: Record<string, unknown> } } }).node?.from_table;
  const fn = from?.type === 'TABLE_FUNCTION' ? from.function : undefined;
  if (fn?.class !== 'FUNCTION' || typeof fn.function_name !== 'string') return undefined;
  const catalog = typeof fn.catalog === 'string' ? fn.catalog : '';
  const schema = typeof fn.schema === 'string' && (catalog !== '' || fn.schema !== 'main') ? fn.schema : '';
  const prefix = [catalog, schema].filter((p) => p !== '').join('.');
  return `${prefix === '' ? '' : `${prefix}.`}${fn.function_name}`.toLowerCase();
}

/** Whether `sql` parses as one query (SELECT, FROM-first, DESCRIBE, SHOW, SUMMARIZE, VALUES, set operations). */
async function isQuery(conn: SqlConnection, sql: string): Promise<boolean> {
  const tree = await serialize(conn, sql);
  return Array.isArray(tree?.statements) && tree.statements.length === 1;
}

async function serialize(conn: SqlConnection, sql: string): Promise<{ error?: unknown; statements?: unknown } | undefined> {
  const row = await conn.one<{ j: string }>('SELECT json_serialize_sql(?::VARCHAR)::VARCHAR AS j', [sql]);
  const tree = JSON.parse(row?.j ?? '{}') as { error?: unknown; statements?: unknown };
  return tree.error === true ? undefined : tree;
}
