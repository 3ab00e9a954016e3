// Turns a failure while building a model into an error that names the model's file and, when
// DuckDB points at a spot in the model's own SQL, the line and column in that file.
import { IngotError } from '../../shared/errors.js';
import type { ModelQuality } from './events.js';
import type { ModelDef } from './model.js';

/** Why `ingot check` would not show the rows a blocked run found. */
export const PUBLISHED_UNCHANGED = '`ingot check` judges the published table, which this run left as it was';

/** The quality gate said `error`: the model is not published (the runner says what that meant for other models). */
export class QualityBlocked extends IngotError {
  constructor(
    readonly quality: ModelQuality,
    message: string,
    file: string,
  ) {
    super('QUALITY_FAILED', message, {
      // `ingot check` judges the published table, which a blocked run leaves as it was: it cannot show these rows.
      hint: `The check's details on the Quality screen show sample failing rows (${PUBLISHED_UNCHANGED}); fix the data or the model, then run again.`,
      detail: { file },
    });
  }
}

/**
 * Wraps `err` from running `def`'s SQL. `lineOffset` is how many lines of generated SQL precede
 * the model's text in the statement; `original` says whether the statement holds the model's
 * own text (else positions refer to generated SQL and are dropped).
 */
export function modelError(def: ModelDef, err: unknown, original: boolean, lineOffset = 0): unknown {
  if (!(err instanceof IngotError) || err.code !== 'SQL_ERROR') return err;
  const detail = { ...(err.detail ?? {}) };
  const base = err.message.replace(/ \(line \d+, column \d+\)$/, '');
  let where = def.sqlFile;
  if (original && typeof detail.line === 'number' && detail.line > lineOffset) {
    detail.line -= lineOffset;
    where = `${def.sqlFile}:${detail.line}:${String(detail.column ?? 1)}`;
    if (typeof detail.sqlPosition === 'number') detail.sqlPosition = positionOf(def.sql, detail.line, Number(detail.column ?? 1));
  } else {
    delete detail.line;
    delete detail.column;
    delete detail.sqlPosition;
  }
  detail.file = def.sqlFile;
  return new IngotError('SQL_ERROR', `${where}: ${def.id}: ${base}`, { ...(err.hint !== undefined ? { hint: err.hint } : {}), detail, cause: err });
}

function positionOf(text: string, line: number, column: number): number {
  const lines = text.split('\n');
  let pos = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) pos += (lines[i] ?? '').length + 1;
  return pos + column - 1;
}
