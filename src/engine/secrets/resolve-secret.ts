// Looks a secret up by name and fails with a message that names the secret and where Ingot
// looked, never a value.
import { IngotError } from '../../shared/errors.js';
import type { Redactor } from './redactor.js';
import { SECRET_NAME, type SecretStore } from './secret-store.js';

export interface SecretUse {
  /** The definition that names the secret, e.g. sources/orders.yaml. */
  file: string;
  /** The field that names it, e.g. auth.token_secret. */
  field: string;
}

/** The value of secret `name`; registers it with `redactor` so no message can show it. */
export async function resolveSecret(store: SecretStore, name: string, use: SecretUse, redactor?: Redactor): Promise<string> {
  if (!SECRET_NAME.test(name)) {
    throw new IngotError('INVALID_INPUT', `${use.file}: ${use.field} must be the name of a secret (letters, digits and underscores), not a value.`, {
      hint: 'Save the value with `ingot secret set SHOPFLOW_TOKEN` (or in an environment variable) and write its name here, e.g. `token_secret: SHOPFLOW_TOKEN`.',
      detail: { file: use.file, field: use.field },
    });
  }
  const value = await store.get(name);
  if (value === undefined) {
    throw new IngotError('INVALID_INPUT', `The secret ${name} (${use.field} in ${use.file}) is not set.`, {
      hint: `Set ${store.describe(name)}, then try again. Ingot reads secrets by name and never writes them to the workspace.`,
      detail: { file: use.file, field: use.field, secret: name },
    });
  }
  redactor?.add(value);
  return value;
}
