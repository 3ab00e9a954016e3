// `ingot serve [workspace]`: the app in a browser. Serves the built renderer and the engine
// over a WebSocket on 127.0.0.1, behind a per-start token, until Ctrl+C (or SIGTERM), then
// closes the workspace cleanly.
import type { Command } from 'commander';
import { IngotError } from '../../shared/errors.js';
import { globals } from '../context.js';
import { openInBrowser } from '../serve/open-browser.js';
import { startServe } from '../serve/start-serve.js';

interface ServeCommandOptions {
  port?: string;
  open: boolean;
}

export function registerServe(program: Command): void {
  program
    .command('serve [workspace]')
    .description('open the workspace in a browser: serves the app and the engine on 127.0.0.1 behind an access token')
    .option('--port <n>', 'port to listen on (0 picks a free port; default 4815, or a free one if taken)')
    .option('--no-open', 'do not open a browser')
    .action(async (workspace: string | undefined, opts: ServeCommandOptions, cmd: Command) => {
      const { json, workspace: globalWorkspace } = globals(cmd);
      const handle = await startServe({ workspaceRoot: workspace ?? globalWorkspace, ...(opts.port !== undefined ? { port: parsePort(opts.port) } : {}) });
      if (json) process.stdout.write(JSON.stringify({ url: handle.url, port: handle.port, token: handle.token }) + '\n');
      else {
        process.stdout.write(
          `Ingot is serving ${handle.host.workspace.config.name} (${handle.host.workspace.paths.root})\n` +
            `Open this URL (it includes the access token):\n\n    ${handle.url}\n\nPress Ctrl+C to stop.\n`,
        );
      }
      if (opts.open) openInBrowser(handle.url);
      await untilSignal();
      if (!json) process.stdout.write('Stopping: closing connections and the workspace…\n');
      await handle.close();
    });
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new IngotError('INVALID_INPUT', `--port must be a number from 0 to 65535, not "${text}".`, { hint: 'Pass --port 0 to pick a free port.', detail: { field: 'port' } });
  }
  return port;
}

/** Resolves on the first SIGINT or SIGTERM; a second one exits at once. */
function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const onSignal = (): void => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      process.once('SIGINT', () => process.exit(130));
      resolve();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
