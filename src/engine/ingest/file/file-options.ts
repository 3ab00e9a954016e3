// The format options of a file source, as written in sources/<name>.yaml (and accepted by
// preview): CSV dialect, encoding, date formats, decimal separator, skip rows, null strings, and
// the Excel sheet. Every key is optional: DuckDB's sniffer decides what is not given.
import { z } from 'zod';

const ENCODING_ALIASES: Record<string, 'utf-8' | 'latin-1' | 'utf-16'> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'latin-1': 'latin-1',
  latin1: 'latin-1',
  'iso-8859-1': 'latin-1',
  'iso8859-1': 'latin-1',
  'utf-16': 'utf-16',
  utf16: 'utf-16',
};

const EncodingSchema = z
  .string()
  .transform((v) => v.toLowerCase())
  .pipe(z.enum(Object.keys(ENCODING_ALIASES) as [string, ...string[]], { error: 'must be utf-8, latin-1 or utf-16' }))
  .transform((v) => ENCODING_ALIASES[v] ?? 'utf-8');

export const FileFormatOptionsShape = {
  format: z.string().min(1).optional(),
  delimiter: z.string().min(1, 'must not be empty').max(4, 'at most 4 characters').optional(),
  /** '' means fields are never quoted. */
  quote: z.string().max(1, 'one character, or empty for no quoting').optional(),
  escape: z.string().max(1, 'one character, or empty for none').optional(),
  header: z.boolean().optional(),
  encoding: EncodingSchema.optional(),
  date_format: z.string().min(1).optional(),
  timestamp_format: z.string().min(1).optional(),
  decimal_separator: z.enum(['.', ','], { error: 'must be "." or ","' }).optional(),
  skip: z.number().int().nonnegative().optional(),
  null_strings: z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v])).optional(),
  sheet: z.union([z.string().min(1), z.number().int().positive()]).optional(),
};

export const FileFormatOptionsSchema = z.object(FileFormatOptionsShape).strict();
export type FileFormatOptions = z.output<typeof FileFormatOptionsSchema>;

/** The option keys that are set (for refusing options a format does not understand). */
export function setOptionKeys(options: FileFormatOptions): (keyof FileFormatOptions)[] {
  return (Object.keys(options) as (keyof FileFormatOptions)[]).filter((k) => k !== 'format' && options[k] !== undefined);
}
