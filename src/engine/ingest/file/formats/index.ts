// The file-format registry. A new format is one file in this folder plus one line in FORMATS.
import { extname } from 'node:path';
import { IngotError } from '../../../../shared/errors.js';
import type { FileFormat } from '../format.js';
import { csvFormat, tsvFormat } from './csv.js';
import { jsonFormat, ndjsonFormat } from './json.js';
import { parquetFormat } from './parquet.js';
import { xlsxFormat } from './xlsx.js';

export const FORMATS: readonly FileFormat[] = [csvFormat, tsvFormat, parquetFormat, jsonFormat, ndjsonFormat, xlsxFormat];

/** The format called `name`, or undefined. */
export function formatByName(name: string): FileFormat | undefined {
  return FORMATS.find((f) => f.name === name.toLowerCase());
}

/** The format a file's extension implies (`.csv.gz` counts as `.csv`), or undefined. */
export function formatForPath(path: string): FileFormat | undefined {
  const lower = path.toLowerCase().replace(/\.(gz|zst)$/, '');
  const ext = extname(lower);
  return FORMATS.find((f) => f.extensions.includes(ext));
}

/** The format to use: the named one, else the extension's; a clear error if neither works. */
export function resolveFormat(path: string, name: string | undefined, where: { file?: string } = {}): FileFormat {
  if (name !== undefined) {
    const byName = formatByName(name);
    if (!byName) {
      throw new IngotError('INVALID_INPUT', `Unknown file format "${name}".`, {
        hint: `Use one of: ${FORMATS.map((f) => f.name).join(', ')}.`,
        detail: { ...where, field: 'format' },
      });
    }
    return byName;
  }
  const byExt = formatForPath(path);
  if (!byExt) {
    throw new IngotError('INVALID_INPUT', `Cannot tell the format of ${path} from its extension.`, {
      hint: `Set \`format:\` to one of ${FORMATS.map((f) => f.name).join(', ')} (extensions: ${FORMATS.flatMap((f) => f.extensions).join(' ')}).`,
      detail: { ...where, file: where.file ?? path, field: 'format' },
    });
  }
  return byExt;
}

/** Every extension some format reads, for listing the files of a folder. */
export function knownExtensions(): string[] {
  return FORMATS.flatMap((f) => f.extensions);
}
