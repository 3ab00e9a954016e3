// Which workspace the desktop app opens: `--workspace <dir>` (or `--workspace=<dir>`) on the
// command line, else $INGOT_WORKSPACE; with neither, the app asks for a folder.
import { resolve } from 'node:path';

/** The workspace folder named by `argv` or `env`, resolved against `cwd`; undefined when none is. */
export function workspaceArgument(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, cwd: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--workspace=')) return resolve(cwd, arg.slice('--workspace='.length));
    const next = argv[i + 1];
    if (arg === '--workspace' && next !== undefined && !next.startsWith('--')) return resolve(cwd, next);
  }
  const fromEnv = env.INGOT_WORKSPACE?.trim();
  return fromEnv ? resolve(cwd, fromEnv) : undefined;
}
