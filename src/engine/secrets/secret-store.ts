// Where secrets (API tokens, passwords, client secrets) come from. A source names a secret, never
// holds its value; a SecretStore turns the name into the value at the moment of use. The engine
// reads environment variables first, then the user's secrets file outside the workspace
// (file-store.ts); tests use an in-memory store.

/** Letters, digits and underscores, starting with a letter or underscore: an environment variable name. */
export const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface SecretStore {
  /** The value of the secret called `name`, or undefined when this store does not have it. */
  get(name: string): Promise<string | undefined>;
  /** Where this store looks for `name`, for messages: "the environment variable SHOPFLOW_TOKEN". */
  describe(name: string): string;
}
