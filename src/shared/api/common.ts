// Building blocks shared by every part of the engine contract: Arrow payloads, names, paging.
import { z } from 'zod';

/** Tabular data always travels as Arrow IPC stream bytes, never as JSON rows. */
export const ArrowPayloadSchema = z.object({
  ipc: z.instanceof(Uint8Array),
  columns: z.array(z.object({ name: z.string(), type: z.string() })),
  rowCount: z.number().int().nonnegative(),
});
export type ArrowPayload = z.infer<typeof ArrowPayloadSchema>;

export const LayerSchema = z.enum(['bronze', 'silver', 'gold', 'quarantine']);
export type Layer = z.infer<typeof LayerSchema>;

/** A table or model name as users write it: letters, digits, underscores. */
export const NameSchema = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'use letters, digits and underscores, starting with a letter');

export const EmptySchema = z.object({}).strict();
export type Empty = z.infer<typeof EmptySchema>;

export const OkSchema = z.object({ ok: z.literal(true) });
