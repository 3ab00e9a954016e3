// Turns zod validation failures into IngotErrors that name the method and the field, so a
// bad request says exactly what to fix and a bad result says which engine answer was wrong.
import type { z } from 'zod';
import { IngotError } from '../errors.js';

/** Where a zod issue points, as `a.b[0].c`, or '(request)' for the whole value. */
function fieldOf(issue: z.core.$ZodIssue | undefined, root: string): string {
  const path = issue?.path ?? [];
  if (path.length === 0) return root;
  return path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)), '');
}

/** Validates a request; throws INVALID_INPUT naming the first bad field. */
export function parseRequest<S extends z.ZodType>(schema: S, method: string, params: unknown): z.output<S> {
  const parsed = schema.safeParse(params);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = fieldOf(issue, '(request)');
  throw new IngotError('INVALID_INPUT', `Invalid ${method} request: ${field}: ${issue?.message ?? 'invalid value'}.`, {
    hint: `Fix "${field}" and try again.`,
    detail: { field, method, issues: parsed.error.issues.length },
  });
}

/** Validates an engine result (or event); throws INTERNAL, since a wrong answer is Ingot's bug. */
export function parseResult<S extends z.ZodType>(schema: S, what: string, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = fieldOf(issue, '(result)');
  throw new IngotError('INTERNAL', `The engine produced an invalid ${what}: ${field}: ${issue?.message ?? 'invalid value'}.`, {
    hint: 'This is a bug in Ingot; please report it with the message above.',
    detail: { field, method: what },
  });
}
