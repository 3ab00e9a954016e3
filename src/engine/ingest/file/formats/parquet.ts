// Parquet: DuckDB reads the schema from the file footer; records are counted from the footer's
// row-group metadata, so the count does not depend on reading the data.
import { literal } from '../../../db/sql.js';
import { castSelect } from '../cast-select.js';
import type { FileFormat } from '../format.js';
import { loadError } from '../load-error.js';

export const parquetFormat: FileFormat = {
  name: 'parquet',
  extensions: ['.parquet', '.pq'],
  options: [],
  async inspect(ctx, path) {
    const reader = `read_parquet(${literal(path)})`;
    let columns;
    try {
      columns = await ctx.conn.describe(`SELECT * FROM ${reader}`);
    } catch (err) {
      throw loadError(err, ctx.displayName, 'Cannot read the Parquet file');
    }
    return {
      format: 'parquet',
      columns,
      dialect: null,
      warnings: [],
      storesRejects: false,
      lineOffset: 0,
      counter: {
        kind: 'query',
        count: async (conn) => Number((await conn.one<{ n: number }>(`SELECT sum(num_rows)::BIGINT AS n FROM parquet_file_metadata(${literal(path)})`))?.n ?? 0),
      },
      relation: (types) => `(SELECT ${castSelect(columns, types)} FROM ${reader})`,
    };
  },
};
