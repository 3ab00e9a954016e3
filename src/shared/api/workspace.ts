// Contract: connecting to the engine and learning about the open workspace.
import { z } from 'zod';

export const HelloRequestSchema = z.object({ apiVersion: z.number().int(), client: z.string().max(100) });
export const HelloResultSchema = z.object({
  apiVersion: z.number().int(),
  engineVersion: z.string(),
  workspace: z.object({ name: z.string(), root: z.string() }),
});
export type HelloResult = z.infer<typeof HelloResultSchema>;

export const WorkspaceChangeSchema = z.object({
  kind: z.enum(['source', 'model', 'config', 'scenario']),
  path: z.string(),
  change: z.enum(['added', 'changed', 'removed']),
});
export type WorkspaceChange = z.infer<typeof WorkspaceChangeSchema>;
