// Excel .xlsx: one sheet (default the first) is converted to NDJSON under .ingot/cache and
// loaded by DuckDB; the record count is the number of data rows the conversion wrote.
import { IngotError } from '../../../../shared/errors.js';
import type { FileFormat } from '../format.js';
import { convertSheet } from '../xlsx-convert.js';
import { inspectJson } from './json.js';

export const xlsxFormat: FileFormat = {
  name: 'xlsx',
  extensions: ['.xlsx', '.xlsm'],
  options: ['sheet'],
  async inspect(ctx, path, options) {
    const sheet = await convertSheet(path, ctx.displayName, ctx.cacheDir, {
      ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
      ...(ctx.maxRows !== undefined ? { maxRows: ctx.maxRows } : {}),
    });
    // A preview of at least one row converts every data row there is, so 0 rows means a header-only sheet there too.
    if (sheet.rows === 0 && ctx.maxRows !== 0) {
      throw new IngotError('INGEST_FAILED', `${ctx.displayName}:1: sheet "${sheet.sheet}" has a header row but no data rows; there is nothing to load.`, {
        hint: 'Choose another sheet (the `sheet` option of the source or the preview), or fill the sheet.',
        detail: { file: ctx.displayName, line: 1, sheet: sheet.sheet, noDataRows: true },
      });
    }
    const inner = await inspectJson(ctx, sheet.path, 'newline_delimited', sheet.rows);
    // Sheet row n + 1 holds data record n (row 1 is the header).
    return { ...inner, format: 'xlsx', lineOffset: 1, warnings: [...sheet.warnings, ...inner.warnings] };
  },
};
