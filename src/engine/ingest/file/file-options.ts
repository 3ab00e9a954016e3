// The format options of a file source, as written in sources/<name>.yaml (and accepted by
// preview): CSV dialect, encoding, date formats, decimal and thousands separators, skip rows, null strings, and
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
  /** Groups digits in numbers such as `1.234,56` or `1 234,56`; DuckDB strips it before parsing. */
  thousands_separator: z.enum(['.', ',', ' ', "'"], { error: 'must be ".", ",", " " or "\'"' }).optional(),
  skip: z.number().int().nonnegative().optional(),
  null_strings: z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v])).optional(),
  sheet: z.union([z.string().min(1), z.number().int().positive()]).optional(),
};

/** A thousands separator that is also the decimal separator ("." unless set) cannot be told apart from it. */
export function separatorClash(options: { decimal_separator?: string | undefined; thousands_separator?: string | undefined }): string | undefined {
  const decimal = options.decimal_separator ?? '.';
  if (options.thousands_separator === undefined || options.thousands_separator !== decimal) return undefined;
  return options.decimal_separator === undefined
    ? `is "${decimal}", which is also the decimal separator; for numbers such as 1.234,56 set decimal_separator: ","`
    : `must differ from decimal_separator ("${decimal}")`;
}

export const FileFormatOptionsSchema = z
  .object(FileFormatOptionsShape)
  .strict()
  .superRefine((options, ctx) => {
    const clash = separatorClash(options);
    if (clash) ctx.addIssue({ code: 'custom', path: ['thousands_separator'], message: clash });
  });
export type FileFormatOptions = z.output<typeof FileFormatOptionsSchema>;

/** The option keys that are set (for refusing options a format does not understand). */
export function setOptionKeys(options: FileFormatOptions): (keyof FileFormatOptions)[] {
  return (Object.keys(options) as (keyof FileFormatOptions)[]).filter((k) => k !== 'format' && options[k] !== undefined);
}
