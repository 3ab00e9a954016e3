// Contract: the user's saved secrets (API tokens, passwords) that HTTP sources name. Only names
// and where each is set ever travel back; a value goes one way, into the store, and is never
// echoed, listed or put in an error.
import { z } from 'zod';

/** Letters, digits and underscores, not starting with a digit: the name a source writes. */
export const SecretNameSchema = z.string().max(200).regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'use letters, digits and underscores, starting with a letter or underscore');

/** Longest value accepted (tokens and keys are far shorter). */
export const MAX_SECRET_VALUE_LENGTH = 16_384;

export const SetSecretRequestSchema = z
  .object({
    name: SecretNameSchema,
    value: z.string().min(1, 'must not be empty').max(MAX_SECRET_VALUE_LENGTH, `must be at most ${MAX_SECRET_VALUE_LENGTH} characters`),
  })
  .strict();
export type SetSecretRequest = z.infer<typeof SetSecretRequestSchema>;

export const SecretRequestSchema = z.object({ name: SecretNameSchema }).strict();
export type SecretRequest = z.infer<typeof SecretRequestSchema>;

/** Where a secret's value comes from: the environment wins over the saved one. */
export const SecretOriginSchema = z.enum(['environment', 'saved']);
export type SecretOrigin = z.infer<typeof SecretOriginSchema>;

export const SourceSecretSchema = z.object({
  name: z.string(),
  /** The field of the source that names it, e.g. auth.token_secret. */
  field: z.string(),
  /** Where the value comes from; null when it is not set anywhere. */
  origin: SecretOriginSchema.nullable(),
  /** Whether a value is saved (it may be overridden by the environment). */
  saved: z.boolean(),
});
export type SourceSecret = z.infer<typeof SourceSecretSchema>;

export const ListSecretsResultSchema = z.object({
  /** Where saved secrets live: secrets.json in the user's config folder, outside the workspace. */
  file: z.string(),
  /** Every saved name, sorted; never a value. */
  saved: z.array(z.string()),
  /** Each HTTP source that names secrets, with those secrets. */
  sources: z.array(z.object({ source: z.string(), file: z.string(), secrets: z.array(SourceSecretSchema) })),
});
export type ListSecretsResult = z.infer<typeof ListSecretsResultSchema>;

export const SetSecretResultSchema = z.object({ name: z.string(), file: z.string(), overriddenByEnvironment: z.boolean() });
export type SetSecretResult = z.infer<typeof SetSecretResultSchema>;

export const DeleteSecretResultSchema = z.object({ name: z.string(), deleted: z.boolean(), file: z.string() });
export type DeleteSecretResult = z.infer<typeof DeleteSecretResultSchema>;
