// The schema of a `kind: file` source: the shared fields, `path` (file, glob or folder relative
// to the workspace), `format` (from the extension when omitted) and the format's options. An
// option the format does not understand, or an unknown field, is refused at its line.
import { z } from 'zod';
import { refuseUnknownFields, SourceBaseShape } from '../source-schema.js';
import { FileFormatOptionsShape, separatorClash, type FileFormatOptions } from './file-options.js';
import { FORMATS, formatByName, formatForPath } from './formats/index.js';

const OPTION_KEYS = Object.keys(FileFormatOptionsShape).filter((k) => k !== 'format') as (keyof FileFormatOptions)[];

const FileSourceShape = {
  kind: z.literal('file').default('file'),
  ...SourceBaseShape,
  path: z.string().min(1, 'must name a file, a glob or a folder'),
  ...FileFormatOptionsShape,
};

const CheckedFileSource = z
  .object(FileSourceShape)
  .strict()
  .superRefine((src, ctx) => {
    if (src.format !== undefined && !formatByName(src.format)) {
      ctx.addIssue({ code: 'custom', path: ['format'], message: `must be one of: ${FORMATS.map((f) => f.name).join(', ')}` });
      return;
    }
    const format = src.format !== undefined ? formatByName(src.format) : formatForPath(src.path);
    if (!format) return;
    for (const key of OPTION_KEYS) {
      if (src[key] !== undefined && !format.options.includes(key)) {
        ctx.addIssue({ code: 'custom', path: [key], message: `is not an option of ${format.name} files` });
      }
    }
    const clash = separatorClash(src);
    if (clash) ctx.addIssue({ code: 'custom', path: ['thousands_separator'], message: clash });
  });

export const FileSourceSchema = refuseUnknownFields(CheckedFileSource, Object.keys(FileSourceShape), 'file sources');

export type FileSource = z.output<typeof CheckedFileSource>;

/** Just the format options of a file source. */
export function formatOptionsOf(src: Partial<FileSource>): FileFormatOptions {
  const out: Record<string, unknown> = {};
  for (const key of [...OPTION_KEYS, 'format' as const]) if (src[key] !== undefined) out[key] = src[key];
  return out as FileFormatOptions;
}
