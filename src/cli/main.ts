// Entry point of the `ingot` command: builds the command tree and turns errors into a clear
// message (what, where, what to do) and a non-zero exit code.
import { Command, CommanderError } from 'commander';
import { formatError, toErrorData } from '../shared/errors.js';
import { COMMANDS } from './commands/index.js';

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('ingot')
    .description('Ingot: land files and APIs in DuckDB, refine them into silver and gold, check every step.')
    .option('-w, --workspace <dir>', 'workspace folder', process.env.INGOT_WORKSPACE ?? '.')
    .option('--json', 'machine-readable output')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .addHelpText('after', `\n${EXIT_CODES}`);
  for (const register of COMMANDS) register(program);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    // Help and --version end with 0; every other stop of the parser is a bad command line.
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : USAGE_ERROR;
    const data = toErrorData(err);
    const json = argv.includes('--json');
    if (json) process.stdout.write(JSON.stringify({ ok: false, error: data }) + '\n');
    else process.stderr.write(`error: ${formatError(data)}\n`);
    return exitCodeFor(data.code);
  }
}

const USAGE_ERROR = 2;
const EXIT_CODES = 'Exit codes: 0 done, 1 failed, 2 bad command line, arguments or workspace files, 3 workspace locked, 4 cancelled.';

/** 2 = the user's input is wrong, 3 = workspace locked, 4 = cancelled, 1 = anything else. */
function exitCodeFor(code: string): number {
  if (code === 'INVALID_INPUT' || code === 'WORKSPACE_INVALID' || code === 'NOT_FOUND' || code === 'MODEL_INVALID') return USAGE_ERROR;
  if (code === 'WORKSPACE_LOCKED') return 3;
  if (code === 'CANCELLED') return 4;
  return 1;
}
