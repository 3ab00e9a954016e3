// The user's own secret store: one JSON file (secrets.json) in the user's config folder, outside
// every workspace, so a value saved with `ingot secret set` (or in the Secrets panel of the Ingest
// screen) never lands in a workspace file or in git. The folder is private (0700), the file is
// 0600 and replaced atomically (temp file, then rename). No error or message of this store ever
// carries a value.
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { MAX_SECRET_VALUE_LENGTH } from '../../shared/api/secrets.js';
import { IngotError } from '../../shared/errors.js';
import { SECRET_NAME, type SecretStore } from './secret-store.js';

/** Longest value Ingot stores (tokens and keys are far shorter; this keeps the file small). */
export const MAX_SECRET_LENGTH = MAX_SECRET_VALUE_LENGTH;

const FILE_NAME = 'secrets.json';
const FORMAT_VERSION = 1;

export interface FileSecretStore extends SecretStore {
  /** The path of secrets.json (it may not exist yet). */
  path(): string;
  /** Saves `value` under `name`, replacing an earlier value. */
  set(name: string, value: string): Promise<void>;
  /** Removes `name`; false when it was not saved. */
  delete(name: string): Promise<boolean>;
  /** The saved names, sorted; never the values. */
  names(): Promise<string[]>;
}

type Env = Readonly<Record<string, string | undefined>>;

/** The user's Ingot config folder: $INGOT_CONFIG_DIR, else $XDG_CONFIG_HOME/ingot, else ~/.config/ingot. */
export function ingotConfigDir(env: Env = process.env): string {
  if (env.INGOT_CONFIG_DIR) return env.INGOT_CONFIG_DIR;
  if (env.XDG_CONFIG_HOME) return join(env.XDG_CONFIG_HOME, 'ingot');
  return join(homedir(), '.config', 'ingot');
}

/** Throws unless `name` is a secret name (letters, digits and underscores, not starting with a digit). */
export function checkSecretName(name: string): void {
  if (SECRET_NAME.test(name)) return;
  throw new IngotError('INVALID_INPUT', `"${name.length > 64 ? `${name.slice(0, 64)}…` : name}" is not a secret name: use letters, digits and underscores, starting with a letter or underscore.`, {
    hint: 'Write the name the source uses, e.g. SHOP_API_TOKEN; the value is asked for separately.',
    detail: { field: 'name' },
  });
}

function checkValue(name: string, value: string): void {
  if (value === '') throw new IngotError('INVALID_INPUT', `The value of ${name} is empty; nothing was saved.`, { hint: 'Give the value, or remove the secret instead.', detail: { field: 'value', secret: name } });
  if (value.length > MAX_SECRET_LENGTH) {
    throw new IngotError('INVALID_INPUT', `The value of ${name} is ${value.length} characters long; Ingot keeps secrets of up to ${MAX_SECRET_LENGTH}.`, {
      hint: 'Check that you gave the token itself and not a whole file.',
      detail: { field: 'value', secret: name },
    });
  }
}

/**
 * The secret store in secrets.json of `dir` (default: the config folder, looked up on every call,
 * so a changed INGOT_CONFIG_DIR takes effect at once). The file is read on every lookup; it is tiny.
 */
export function fileSecretStore(options: { dir?: string; env?: Env } = {}): FileSecretStore {
  const path = (): string => join(options.dir ?? ingotConfigDir(options.env), FILE_NAME);
  const read = async (): Promise<Map<string, string>> => readSecretsFile(path());
  return {
    path,
    get: async (name) => {
      if (!SECRET_NAME.test(name)) return undefined;
      const value = (await read()).get(name);
      return value === undefined || value === '' ? undefined : value;
    },
    describe: (name) => `the secret ${name} saved with \`ingot secret set ${name}\` or in the Secrets panel of the Ingest screen`,
    set: async (name, value) => {
      checkSecretName(name);
      checkValue(name, value);
      const values = await read();
      values.set(name, value);
      await writeSecretsFile(path(), values);
    },
    delete: async (name) => {
      checkSecretName(name);
      const values = await read();
      if (!values.delete(name)) return false;
      await writeSecretsFile(path(), values);
      return true;
    },
    names: async () => [...(await read()).keys()].sort(),
  };
}

/** The secrets in `file`; none when it does not exist. Errors name the file, never its content. */
async function readSecretsFile(file: string): Promise<Map<string, string>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return new Map();
    throw new IngotError('INVALID_INPUT', `Ingot cannot read its secrets file ${file} (${code ?? 'read error'}).`, {
      hint: code === 'EISDIR' ? `Remove the folder ${file}, or point INGOT_CONFIG_DIR at another folder.` : `Make the file readable by your user (chmod 600 ${file}), or point INGOT_CONFIG_DIR at another folder.`,
      detail: { file },
    });
  }
  // JSON.parse's own message quotes the text around the error, which may be a value: never pass it on.
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const secrets = (parsed as { secrets?: unknown } | undefined)?.secrets;
  const valid =
    typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && typeof secrets === 'object' && secrets !== null && !Array.isArray(secrets) && Object.values(secrets).every((v) => typeof v === 'string');
  if (!valid) {
    throw new IngotError('INVALID_INPUT', `Ingot's secrets file ${file} is not valid: it must be JSON of the form {"version": 1, "secrets": {"NAME": "value"}}.`, {
      hint: `Fix the file by hand, or delete it and save the secrets again with \`ingot secret set NAME\`.`,
      detail: { file },
    });
  }
  return new Map(Object.entries(secrets as Record<string, string>).filter(([name]) => SECRET_NAME.test(name)));
}

/** Writes `values` to `file` atomically: a private temp file next to it, flushed, then renamed over it. */
async function writeSecretsFile(file: string, values: ReadonlyMap<string, string>): Promise<void> {
  const dir = dirname(file);
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
  } catch (err) {
    throw new IngotError('INVALID_INPUT', `Ingot cannot create its config folder ${dir} (${(err as NodeJS.ErrnoException).code ?? 'error'}).`, {
      hint: 'Check the folder permissions, or point INGOT_CONFIG_DIR at a folder you can write.',
      detail: { file: dir },
    });
  }
  const sorted = Object.fromEntries([...values.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const text = JSON.stringify({ version: FORMAT_VERSION, secrets: sorted }, null, 2) + '\n';
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    // The mode given to open() is narrowed by the umask only; make sure it is exactly 0600.
    await chmod(temp, 0o600);
    await rename(temp, file);
  } catch (err) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new IngotError('INVALID_INPUT', `Ingot cannot write its secrets file ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'}); nothing was changed.`, {
      hint: 'Check that the folder is yours and writable, or point INGOT_CONFIG_DIR at another folder.',
      detail: { file },
    });
  }
}
