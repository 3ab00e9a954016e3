// Maps DuckDB's error messages to IngotErrors that say what failed, where, and what to do.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { IngotError } from '../../shared/errors.js';

const LOCK_RE = /Could not set lock on file "([^"]+)": Conflicting lock is held in (.+?) \(PID (\d+)\)/;

/** Converts an error thrown while opening a database file. */
export function openError(err: unknown, path: string): IngotError {
  const message = err instanceof Error ? err.message : String(err);
  const lock = LOCK_RE.exec(message);
  if (lock) {
    const pid = Number(lock[3]);
    const command = ingotCommandOf(pid);
    const serving = command !== undefined && /^ingot\b.*\bserve\b/.test(command);
    return new IngotError('WORKSPACE_LOCKED', `The workspace database is open in another process: ${command ?? lock[2]} (PID ${pid}).`, {
      hint: serving
        ? 'Use the app it serves, or stop it (Ctrl+C where it runs) and try again: while it runs, no other process can open this workspace, even to read.'
        : 'Close that process (or stop its run) and try again; DuckDB allows one writer at a time.',
      detail: { file: path, pid, process: lock[2], ...(command !== undefined ? { command } : {}) },
      cause: err,
    });
  }
  return new IngotError('WORKSPACE_INVALID', `Cannot open the workspace database: ${firstLine(message)}`, {
    hint: 'Check that the file is a DuckDB database written by this version of Ingot and that it is readable. If it is damaged, move the .ingot folder away and ingest the sources again: bronze, silver and gold are rebuilt from the files, but quarantine fixes and run history are not.',
    detail: { file: path },
    cause: err,
  });
}

/**
 * The Ingot command line a process runs (`ingot serve --port 4815`), read from /proc where the
 * system has it; undefined for other programs and elsewhere.
 */
function ingotCommandOf(pid: number): string | undefined {
  let args: string[];
  try {
    args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter((a) => a !== '');
  } catch {
    return undefined;
  }
  const at = args.findIndex((a) => /^ingot(\.[cm]?js)?$/.test(basename(a)));
  if (at < 0) return undefined;
  const line = ['ingot', ...args.slice(at + 1)].join(' ');
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

/** Converts an error thrown by a statement; locates the error in the SQL when DuckDB says where. */
export function statementError(err: unknown, sql: string, cancelled: boolean): IngotError {
  // The driver prefixes parse errors met while splitting statements; the user needs DuckDB's own words.
  const message = (err instanceof Error ? err.message : String(err)).replace(/^Failed to extract statements: /, '');
  if (cancelled || /INTERRUPT Error|Interrupted!/i.test(message)) {
    return new IngotError('CANCELLED', 'The statement was cancelled; nothing it did was kept.', { cause: err, detail: { sql } });
  }
  const detail: Record<string, unknown> = { sql };
  const pos = sqlPositionOf(message, sql);
  if (pos !== undefined) {
    detail.sqlPosition = pos;
    const { line, column } = lineColumn(sql, pos);
    detail.line = line;
    detail.column = column;
  }
  const where = typeof detail.line === 'number' ? ` (line ${String(detail.line)}, column ${String(detail.column)})` : '';
  return new IngotError('SQL_ERROR', `${firstLine(message)}${where}`, {
    hint: hintFor(message),
    detail,
    cause: err,
  });
}

/** DuckDB prints `LINE n: <text>` and a caret line under the error; turn it into an offset. */
function sqlPositionOf(message: string, sql: string): number | undefined {
  const m = /LINE (\d+): (.*)\n(\s*)\^/.exec(message);
  if (!m) return undefined;
  const lineNo = Number(m[1]);
  const prefix = `LINE ${m[1]}: `;
  const caretCol = (m[3] ?? '').length - prefix.length;
  const shown = m[2] ?? '';
  const lines = sql.split('\n');
  const target = lines[lineNo - 1];
  if (target === undefined) return undefined;
  // DuckDB may elide the start of long lines with "..."; find the shown fragment in the real line.
  const fragment = shown.startsWith('...') ? shown.slice(3) : shown;
  const offsetInShown = shown.startsWith('...') ? caretCol - 3 : caretCol;
  const at = target.indexOf(fragment.slice(0, 40));
  const col = Math.max(0, (at >= 0 ? at : 0) + Math.max(0, offsetInShown));
  let pos = 0;
  for (let i = 0; i < lineNo - 1; i++) pos += (lines[i] ?? '').length + 1;
  return pos + col;
}

/** 1-based line and column of a zero-based offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

function hintFor(message: string): string {
  if (/Catalog Error: Table with name/i.test(message)) return 'Check the table name; `ingot tables` lists what exists (names are schema.table, e.g. bronze.orders).';
  if (/Referenced column|Binder Error/i.test(message)) return 'Check the column names against the table; `ingot sql "DESCRIBE schema.table"` lists them.';
  if (/Parser Error/i.test(message)) return 'Fix the SQL syntax at the position shown.';
  if (/Conversion Error|Could not convert/i.test(message)) return 'A value does not fit the target type; cast explicitly or fix the data.';
  if (/Out of Memory/i.test(message)) return 'Lower the memory used (fewer threads) or raise memory_limit in ingot.yaml; set temp_directory so DuckDB can spill to disk.';
  if (/Constraint Error/i.test(message)) return 'The data violates a key or NOT NULL constraint.';
  return 'Fix the statement and run it again.';
}
